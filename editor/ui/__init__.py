"""Qt widgets and windows of Byline."""
