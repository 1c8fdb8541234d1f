"""The preview's QTextDocument: built and laid out on a worker, then patched in place.

`QTextBrowser.setHtml` of a long post blocks the GUI thread for ~100 ms, and PySide holds
the GIL through every Qt call, so:

- a full build runs on the worker, part by part (the header, then each section of the
  body, long parts in slices), so that no single Qt call holds the GIL for long;
- after a keystroke usually only one section's HTML changed: the GUI thread replaces just
  that section's range of the shown document (about a millisecond).

Each part is inserted after a tiny neutral lead block, the same way in both paths, so a
patched document is identical to a freshly built one. The document only ever loads local
files: anything else comes back empty.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QCoreApplication, QUrl
from PySide6.QtGui import (
    QImage,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)

from editor.core.render.context import RenderOptions, SiteContext

if TYPE_CHECKING:
    from editor.core.render.article import RenderedParts

_FILE_SRC = re.compile(r'<img [^>]*?src="(file:[^"]+)"')
_LINE = re.compile(r"line-(\d+)")
CHUNK_SPLIT = "<!--byline-chunk-->"  # kramdown.CHUNK_MARK (a test checks they agree): that module
# loads Python-Markdown, which the window needs only once it is on screen
SLICE_CHARS = 6000  # ~1k words of HTML per Qt call when a part is long: ~5 ms each
LAYOUT_STEP = 40  # blocks laid out per Qt call
PATCH_CHARS = 12000  # ~2k words of HTML: patched on the GUI thread in a few ms
YIELD_EVERY = 0.004  # s: the longest the worker keeps the GIL from the GUI thread
# merged into the block before each part; the part's own first block keeps its format
LEAD = '<p style="font-size:1px">&#8203;</p>'


class _Yielder:
    """Let the GUI thread have the GIL every few ms during a long build.

    A worker that calls into Qt over and over releases and retakes the GIL around each
    call, and wins the race to retake it; CPython then never asks it to hand over, and
    the GUI thread can starve for 100+ ms. A short sleep now and then hands over."""

    def __init__(self) -> None:
        self.last = time.perf_counter()

    def __call__(self) -> None:
        now = time.perf_counter()
        if now - self.last > YIELD_EVERY:
            time.sleep(0.0003)
            self.last = time.perf_counter()


class Cancelled(Exception):
    """A newer request made this build pointless."""


def local_resource(url: QUrl) -> QImage:
    """The image behind a file: URL; a null image for anything else (never the network).

    Never None: some PySide releases mishandle None from a QVariant-returning virtual.
    """
    if not url.isLocalFile():
        return QImage()
    path = Path(url.toLocalFile())
    if not path.is_file():
        return QImage()
    return QImage(str(path))


class PreviewDocument(QTextDocument):
    """A QTextDocument that loads nothing but local files."""

    def __init__(self) -> None:
        super().__init__()
        self.loaded: set[str] = set()
        # break lines at spaces only: a table cell never splits "Waterproof" in two
        option = self.defaultTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        self.setDefaultTextOption(option)

    def loadResource(self, kind: int, url: QUrl) -> Any:
        if kind == QTextDocument.ResourceType.ImageResource.value:
            image = local_resource(url)
            if not image.isNull():
                self.add_image(url, image)
            return image
        return QByteArray()

    def add_image(self, url: QUrl, image: QImage) -> None:
        self.loaded.add(url.toString())
        self.addResource(QTextDocument.ResourceType.ImageResource.value, url, image)


@dataclass
class RenderRequest:
    body: str
    fields: dict[str, Any]
    site: SiteContext
    width: int  # the viewport's width: the document is laid out for it
    column: int  # the article column, for image widths
    stylesheet: str
    shown: tuple[str, ...] = ()  # the parts on screen when this was asked (may patch)
    started: float = field(default_factory=time.perf_counter)
    cancelled: Callable[[], bool] = lambda: False


@dataclass
class Part:
    html: str
    first_line: int | None  # None for the header
    start: int = 0  # document positions of the part (its lead block included)
    end: int = 0
    anchors: list[tuple[int, int]] = field(default_factory=list)  # (offset, line in part)


@dataclass
class PreviewResult:
    """A render: either a new `document` with its `parts`, or `patches` to the shown one."""

    parts: list[Part]
    document: PreviewDocument | None
    patches: list[int]  # indexes of parts whose HTML changed (when document is None)
    request: RenderRequest
    render_ms: float
    html: str = ""


class PartMap:
    """Where each part sits in the shown document, and source line <-> position."""

    def __init__(self, parts: list[Part]) -> None:
        self.parts = parts

    def html(self) -> tuple[str, ...]:
        return tuple(p.html for p in self.parts)

    def line_at(self, position: int) -> int | None:
        """The source line (1-based) of the last block starting at or before `position`."""
        found: int | None = None
        for part in self.parts:
            if part.first_line is None or part.start > position:
                if part.start > position:
                    break
                continue
            for offset, line in part.anchors:
                if part.start + offset > position:
                    break
                found = part.first_line + line
        return found

    def position_of(self, line: int) -> int | None:
        """The document position of the block holding source line `line` (1-based)."""
        best: int | None = None
        for part in self.parts:
            if part.first_line is None:
                continue
            for offset, rel in part.anchors:
                if part.first_line + rel > line:
                    return best if best is not None else part.start + offset
                best = part.start + offset
        return best

    def first_line(self) -> int | None:
        for part in self.parts:
            if part.first_line is not None and part.anchors:
                return part.first_line + part.anchors[0][1]
        return None


def render_request(request: RenderRequest) -> RenderedParts:
    from editor.core.render.article import render_parts  # in the worker, after the first paint

    options = RenderOptions(column_width=request.column, line_anchors=True, qt_rich_text=True)
    return render_parts(request.body, request.fields, request.site, options)


def _parts_of(rendered: RenderedParts) -> list[Part]:
    parts = [Part(rendered.header, None)]
    parts += [Part(html, first) for first, html in rendered.sections]
    return parts


def prepare(request: RenderRequest, *, move_to_gui: bool = True) -> PreviewResult:
    """Render; then either list the parts to patch or build a new document (worker)."""
    started = time.perf_counter()
    parts = _parts_of(render_request(request))
    shown = request.shown
    if len(shown) == len(parts):
        changed = [i for i, part in enumerate(parts) if part.html != shown[i]]
        # patching runs on the GUI thread: only for a little HTML (a post rendered whole,
        # one with footnotes, is a single big part: that is a new document instead)
        if len(changed) <= 2 and sum(len(parts[i].html) for i in changed) <= PATCH_CHARS:
            ms = (time.perf_counter() - started) * 1000
            return PreviewResult(parts, None, changed, request, ms)
    doc = build_document(parts, request)
    app = QCoreApplication.instance()
    if move_to_gui and app is not None:
        doc.moveToThread(app.thread())
    return PreviewResult(parts, doc, [], request, (time.perf_counter() - started) * 1000)


def build_document(parts: list[Part], request: RenderRequest) -> PreviewDocument:
    doc = PreviewDocument()
    doc.setUndoRedoEnabled(False)
    doc.setDefaultStyleSheet(request.stylesheet)
    for part in parts:
        add_images(doc, part.html)
    cursor = QTextCursor(doc)
    pause = _Yielder()
    for part in parts:
        if request.cancelled():
            raise Cancelled
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        part.start = cursor.position()
        for piece in _slices(part.html):
            cursor.insertHtml(piece)
            pause()
        part.end = cursor.position()
        _neutral_lead(doc, part.start)
    doc.setTextWidth(request.width)
    lay_out(doc, request.cancelled, pause)
    for part in parts:
        part.anchors = collect_anchors(doc, part.start, part.end)
        pause()
    return doc


def patch_document(doc: QTextDocument, parts: list[Part], shown: list[Part], index: int) -> None:
    """Replace part `index` of the shown document with its new HTML (GUI thread)."""
    old = shown[index]
    new = parts[index]
    add_images(doc, new.html)
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    cursor.setPosition(old.start)
    cursor.setPosition(old.end, QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()
    for piece in _slices(new.html):
        cursor.insertHtml(piece)
    _neutral_lead(doc, old.start)
    cursor.endEditBlock()
    new.start = old.start
    new.end = cursor.position()
    new.anchors = collect_anchors(doc, new.start, new.end)
    delta = new.end - old.end
    for i, part in enumerate(parts):
        if i == index:
            continue
        if i > index:
            part.start, part.end = shown[i].start + delta, shown[i].end + delta
        else:
            part.start, part.end = shown[i].start, shown[i].end
        if part.html == shown[i].html:
            part.anchors = shown[i].anchors


def _slices(html: str) -> list[str]:
    """The part's HTML in pieces of about SLICE_CHARS, each led by the neutral block."""
    if len(html) <= SLICE_CHARS:
        return [LEAD + html]
    pieces: list[str] = []
    current = ""
    for chunk in html.split(CHUNK_SPLIT):
        current += chunk
        if len(current) >= SLICE_CHARS:
            pieces.append(LEAD + current)
            current = ""
    if current:
        pieces.append(LEAD + current)
    return pieces


def _neutral_lead(doc: QTextDocument, position: int) -> None:
    cursor = QTextCursor(doc)
    cursor.setPosition(position)
    cursor.setBlockFormat(QTextBlockFormat())


def add_images(doc: QTextDocument, html: str) -> None:
    """Load the part's local images into the document before its HTML goes in."""
    if not isinstance(doc, PreviewDocument):
        return
    for src in set(_FILE_SRC.findall(html)) - doc.loaded:
        image = local_resource(QUrl(src))
        if not image.isNull():
            doc.add_image(QUrl(src), image)


def lay_out(
    doc: QTextDocument,
    cancelled: Callable[[], bool] = lambda: False,
    pause: Callable[[], None] = lambda: None,
) -> None:
    """Lay the document out now, a few blocks per Qt call (the GIL, see above)."""
    layout = doc.documentLayout()
    block = doc.begin()
    count = 0
    while block.isValid():
        count += 1
        if count % LAYOUT_STEP == 0:
            if cancelled():
                raise Cancelled
            layout.blockBoundingRect(block)
            pause()
        block = block.next()
    layout.documentSize()


def collect_anchors(doc: QTextDocument, start: int, end: int) -> list[tuple[int, int]]:
    """The `line-N` anchors between two positions, as (offset from start, N)."""
    found: list[tuple[int, int]] = []
    block = doc.findBlock(start)
    while block.isValid() and block.position() < end:
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            fmt = frag.charFormat()
            if fmt.isAnchor():
                for name in fmt.anchorNames():
                    m = _LINE.fullmatch(name)
                    if m:
                        found.append((frag.position() - start, int(m.group(1))))
            it += 1
        block = block.next()
    found.sort()
    return found
