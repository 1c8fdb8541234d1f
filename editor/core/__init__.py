"""Pure-Python core of Byline: post format, site, rendering, images, storage. No Qt."""
