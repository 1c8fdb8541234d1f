"""Publishing through the author's own `git`: post states, commit, push, sync, failures.

Uses only errors and paths from the core (it runs `git` as a subprocess; never Qt).
"""
