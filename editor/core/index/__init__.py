"""The site index: reading every post's front matter (in two processes when asked),
its caches, the listing and `byline check`. Uses post, safety and site."""
