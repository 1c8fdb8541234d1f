"""Full-text search over a site's posts: a query language and an SQLite FTS5 index in the cache.

Uses post (reading post files), site and index (which posts exist, their front matter); never Qt.
"""
