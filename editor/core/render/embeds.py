"""An embedded frame (`<iframe>`, `<embed>`) as a still placeholder: what it shows and a link.

The preview never loads a frame. For the video and media sites posts embed most, it
names the site and links to the page the frame plays (YouTube's `/embed/ID` is
`/watch?v=ID`); any other frame gets its host and a link to its address. Nothing is
fetched: the link only opens when the author clicks it.
"""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urlsplit

# (host pattern, site name, kind, (path pattern, page URL template) or None)
_SITES: list[tuple[re.Pattern[str], str, str, tuple[re.Pattern[str], str] | None]] = [
    (
        re.compile(r"(^|\.)youtube(-nocookie)?\.com$"),
        "YouTube",
        "video",
        (re.compile(r"^/embed/([\w-]+)"), "https://www.youtube.com/watch?v={}"),
    ),
    (
        re.compile(r"(^|\.)vimeo\.com$"),
        "Vimeo",
        "video",
        (re.compile(r"^/video/(\d+)"), "https://vimeo.com/{}"),
    ),
    (
        re.compile(r"(^|\.)dailymotion\.com$"),
        "Dailymotion",
        "video",
        (re.compile(r"^/embed/video/(\w+)"), "https://www.dailymotion.com/video/{}"),
    ),
    (
        re.compile(r"(^|\.)loom\.com$"),
        "Loom",
        "video",
        (re.compile(r"^/embed/(\w+)"), "https://www.loom.com/share/{}"),
    ),
    (
        re.compile(r"(^|\.)ted\.com$"),
        "TED",
        "talk",
        (re.compile(r"^/talks/([\w-]+)"), "https://www.ted.com/talks/{}"),
    ),
    (
        re.compile(r"(^|\.)spotify\.com$"),
        "Spotify",
        "audio",
        (re.compile(r"^/embed/(\w+/\w+)"), "https://open.spotify.com/{}"),
    ),
    (
        re.compile(r"(^|\.)codepen\.io$"),
        "CodePen",
        "pen",
        (re.compile(r"^/([\w-]+)/embed/(?:preview/)?(\w+)"), "https://codepen.io/{}/pen/{}"),
    ),
    (re.compile(r"(^|\.)twitch\.tv$"), "Twitch", "video", None),
    (re.compile(r"(^|\.)wistia\.(net|com)$"), "Wistia", "video", None),
    (re.compile(r"(^|\.)soundcloud\.com$"), "SoundCloud", "audio", None),
    (re.compile(r"(^|\.)slideshare\.net$"), "SlideShare", "slides", None),
    (re.compile(r"(^|\.)speakerdeck\.com$"), "Speaker Deck", "slides", None),
    (re.compile(r"(^|\.)google\.[a-z.]+$"), "Google", "map or document", None),
]


def page_of(src: str) -> tuple[str, str, str] | None:
    """(site name, kind, page URL) for a frame of a known site; None for any other."""
    parts = urlsplit(src if "://" in src else "https:" + src if src.startswith("//") else src)
    host = parts.netloc.lower().split(":")[0]
    for pattern, name, kind, page in _SITES:
        if not pattern.search(host):
            continue
        url = f"https://{host}{parts.path}" + (f"?{parts.query}" if parts.query else "")
        if name == "SoundCloud":
            url = parse_qs(parts.query).get("url", [url])[0]
        if page is not None:
            m = page[0].match(parts.path)
            if m:
                url = page[1].format(*m.groups())
        return name, kind, url
    return None


def embed_placeholder(tag: str, src: str, title: str = "") -> str:
    """The still that stands in for an embedded frame (a block, never loading anything)."""
    known = page_of(src) if src else None
    if known:
        name, kind, url = known
        head = f"▶ {name} {kind}"
    else:
        host = urlsplit(src if "://" in src else "https:" + src).netloc if src else ""
        head = f"embedded {tag.lower()}" + (f" from {host}" if host else "")
        url = "https:" + src if src.startswith("//") else src
        if urlsplit(url).scheme.lower() not in ("http", "https"):
            url = ""  # a link only to web pages, never javascript: or data:
    caption = f"<b>{html.escape(head)}</b>"
    if title:
        caption += f": {html.escape(title)}"
    if url:
        shown = re.sub(r"^https?://(www\.)?", "", url)
        caption += f'<br /><a href="{html.escape(url)}">{html.escape(shown)}</a>'
    return (
        '<table class="byline-embed" width="100%" cellpadding="16" cellspacing="0" border="0">'
        f"<tr><td>{caption}</td></tr></table>"
    )
