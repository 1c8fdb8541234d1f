"""Work across the whole blog in the window: Find in all posts, the tags/categories/authors
manager, the outline of the open post and writing goals. Uses widgets, dialogs and window."""
