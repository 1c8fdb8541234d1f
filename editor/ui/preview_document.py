"""The preview's QTextDocument, built and laid out on a worker thread.

`QTextBrowser.setHtml` of a long post blocks the GUI thread for ~100 ms; building the
document (HTML parse, images, layout) in the worker leaves only a pointer swap for the GUI
thread. The document only ever loads local files: remote resources come back empty.
"""

from __future__ import annotations

import bisect
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QUrl
from PySide6.QtGui import QImage, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument

from editor.core.render import RenderOptions, SiteContext, render_post
from editor.core.render.kramdown import CHUNK_MARK

_FILE_SRC = re.compile(r'<img [^>]*?src="(file:[^"]+)"')
_LINE = re.compile(r"line-(\d+)")
CHUNK_SPLIT = f"<!--{CHUNK_MARK}-->"
SLICE_CHARS = 6000  # ~1k words of HTML: each Qt call stays around 5 ms
LAYOUT_STEP = 40  # blocks laid out per Qt call


def local_resource(url: QUrl) -> QImage:
    """The image behind a file: URL; a null image for anything else (never the network).

    Never None: PySide mishandles None returned from the QVariant-returning virtual.
    """
    if not url.isLocalFile():
        return QImage()
    path = Path(url.toLocalFile())
    if not path.is_file():
        return QImage()
    return QImage(str(path))


class PreviewDocument(QTextDocument):
    """A QTextDocument that loads nothing but local files."""

    def loadResource(self, kind: int, url: QUrl) -> Any:
        if kind == QTextDocument.ResourceType.ImageResource.value:
            return local_resource(url)
        return QByteArray()


@dataclass
class RenderRequest:
    body: str
    fields: dict[str, Any]
    site: SiteContext
    width: int  # the viewport's width: the document is laid out for it
    column: int  # the article column, for image widths
    stylesheet: str
    started: float = field(default_factory=time.perf_counter)


@dataclass
class PreviewResult:
    html: str
    document: PreviewDocument | None
    anchors: list[tuple[int, int]]  # (document position, source line), by position
    request: RenderRequest
    render_ms: float

    def line_at(self, position: int) -> int | None:
        """The source line of the last block starting at or before `position`."""
        if not self.anchors:
            return None
        i = bisect.bisect_right(self.anchors, (position, 1 << 30)) - 1
        return self.anchors[max(i, 0)][1]

    def position_of(self, line: int) -> int | None:
        """The document position of the block holding source line `line`."""
        best: int | None = None
        for position, source_line in self.anchors:
            if source_line > line:
                break
            best = position
        if best is None and self.anchors:
            best = self.anchors[0][0]
        return best


def render_html(request: RenderRequest) -> str:
    options = RenderOptions(column_width=request.column, line_anchors=True)
    return render_post(request.body, request.fields, request.site, options).html


def build_document(request: RenderRequest, *, move_to_gui: bool = True) -> PreviewResult:
    """Render, then build and lay out the document; runs on a worker thread."""
    started = time.perf_counter()
    html = render_html(request)
    doc = PreviewDocument()
    doc.setUndoRedoEnabled(False)
    doc.setDefaultStyleSheet(request.stylesheet)
    for src in set(_FILE_SRC.findall(html)):
        image = local_resource(QUrl(src))
        if not image.isNull():
            doc.addResource(QTextDocument.ResourceType.ImageResource.value, QUrl(src), image)
    fill_document(doc, html)
    doc.setTextWidth(request.width)
    lay_out(doc)
    anchors = collect_anchors(doc)
    app = QCoreApplication.instance()
    if move_to_gui and app is not None:
        doc.moveToThread(app.thread())
    return PreviewResult(html, doc, anchors, request, (time.perf_counter() - started) * 1000)


def fill_document(doc: QTextDocument, html: str) -> None:
    """`doc.setHtml(html)`, in slices of top-level blocks.

    PySide holds the GIL through each Qt call, and one setHtml of a long post takes ~130 ms:
    the GUI thread could not run a line of Python meanwhile. Slices keep each call short.
    """
    parts = html.split(CHUNK_SPLIT)
    batches: list[str] = []
    current = ""
    for part in parts:
        current += part
        if len(current) >= SLICE_CHARS:
            batches.append(current)
            current = ""
    if current or not batches:
        batches.append(current)
    doc.setHtml(batches[0])
    if len(batches) == 1:
        return
    cursor = QTextCursor(doc)
    for batch in batches[1:]:
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())  # never merge into a list
        cursor.insertHtml(batch)


def lay_out(doc: QTextDocument) -> None:
    """Lay the document out now (on the worker), a few blocks per Qt call (see above)."""
    layout = doc.documentLayout()
    block = doc.begin()
    count = 0
    while block.isValid():
        count += 1
        if count % LAYOUT_STEP == 0:
            layout.blockBoundingRect(block)
        block = block.next()
    layout.documentSize()


def collect_anchors(doc: QTextDocument) -> list[tuple[int, int]]:
    """Where each `line-N` anchor sits in the document, by position."""
    found: list[tuple[int, int]] = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            fmt = frag.charFormat()
            if fmt.isAnchor():
                for name in fmt.anchorNames():
                    m = _LINE.fullmatch(name)
                    if m:
                        found.append((frag.position(), int(m.group(1))))
            it += 1
        block = block.next()
    found.sort()
    return found
