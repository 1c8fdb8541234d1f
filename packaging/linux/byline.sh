#!/bin/sh
# /usr/bin/byline: start Byline, installed under /opt/byline.
exec /opt/byline/byline "$@"
