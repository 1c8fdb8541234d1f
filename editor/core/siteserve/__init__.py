"""Preview on the site: the command that runs the site's own `jekyll serve`, its output read.

Uses post, site and render (for a post's URL); runs nothing itself (the window owns the process).
"""
