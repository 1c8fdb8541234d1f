"""Images: the header-image pipeline (upright, resized, stripped), the image store, thumbnails,
inline images and staged copies. Uses post, safety and site."""
