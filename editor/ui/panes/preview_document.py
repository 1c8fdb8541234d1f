"""The preview's QTextDocument: built and laid out on a worker, then patched in place.

`QTextBrowser.setHtml` of a long post blocks the GUI thread for ~100 ms, and PySide holds
the GIL through every Qt call, so:

- a full build runs on the worker, part by part (the header, then each section of the
  body, long parts in slices), so that no single Qt call holds the GIL for long;
- after a keystroke usually only one section's HTML changed: the GUI thread replaces just
  that section's range of the shown document (about a millisecond). A new heading adds a
  section (and, with `{:toc}`, changes the table of contents): the parts that changed,
  came or went are patched in the same way, as long as their HTML is small enough to go
  in within a few ms (a table of contents of 120 headings: ~25k characters, ~15 ms).

Each part is inserted after a tiny neutral lead block, the same way in both paths, so a
patched document is identical to a freshly built one. The document only ever loads local
files: anything else comes back empty.
"""

from __future__ import annotations

import difflib
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
    QTextDocumentFragment,
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
PATCH_CHARS = 32000  # HTML patched on the GUI thread in one go: ~20 ms at most
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
    # for a patch: the HTML already parsed on the worker, as insertHtml would parse it
    pieces: list[QTextDocumentFragment] | None = None


@dataclass(frozen=True)
class Change:
    """Shown parts [old_lo, old_hi) become new parts [new_lo, new_hi) (either may be empty)."""

    old_lo: int
    old_hi: int
    new_lo: int
    new_hi: int


@dataclass
class PreviewResult:
    """A render: either a new `document` with its `parts`, or `patches` to the shown one."""

    parts: list[Part]
    document: PreviewDocument | None
    patches: list[Change]  # what changed since the shown parts (when document is None)
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
    changes = changes_between(request.shown, [part.html for part in parts])
    # patching runs on the GUI thread: only for a little HTML (a post rendered whole is a
    # single big part: that is a new document instead)
    if changes is not None:
        for change in changes:
            for k in range(change.new_lo, change.new_hi):
                _parse_ahead(parts[k], request)
        ms = (time.perf_counter() - started) * 1000
        return PreviewResult(parts, None, changes, request, ms)
    doc = build_document(parts, request)
    app = QCoreApplication.instance()
    if move_to_gui and app is not None:
        doc.moveToThread(app.thread())
    return PreviewResult(parts, doc, [], request, (time.perf_counter() - started) * 1000)


def _parse_ahead(part: Part, request: RenderRequest) -> None:
    """Parse the part's HTML here, on the worker, for the GUI thread to insert: what
    QTextCursor.insertHtml does in two steps (parse with the document's style sheet, then
    insert the fragment), split across the threads; the anchors' offsets are those of
    the same fragments in a scratch document."""
    scratch = PreviewDocument()
    scratch.setDefaultStyleSheet(request.stylesheet)
    add_images(scratch, part.html)
    part.pieces = [QTextDocumentFragment.fromHtml(piece, scratch) for piece in _slices(part.html)]
    cursor = QTextCursor(scratch)
    for piece in part.pieces:
        cursor.insertFragment(piece)
    _neutral_lead(scratch, 0)
    part.anchors = collect_anchors(scratch, 0, cursor.position())


def changes_between(shown: tuple[str, ...], new: list[str]) -> list[Change] | None:
    """The runs of parts that differ between the shown HTML and the new, when they are few
    and small enough to patch on the GUI thread; None when a new document is better."""
    if not shown or not new:
        return None
    matcher = difflib.SequenceMatcher(None, shown, new, autojunk=False)
    changes = [
        Change(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    ]
    size = sum(len(new[k]) for c in changes for k in range(c.new_lo, c.new_hi))
    removed = sum(c.old_hi - c.old_lo for c in changes)
    if len(changes) > 3 or size > PATCH_CHARS or removed > 8:
        return None
    # a part that only goes (or only comes) needs a part before it to hang on
    if any(c.old_lo == 0 and (c.old_lo == c.old_hi or c.new_lo == c.new_hi) for c in changes):
        return None
    return changes


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


def patch_document(
    doc: QTextDocument, parts: list[Part], shown: list[Part], changes: list[Change]
) -> None:
    """Make the shown document that of `parts` by patching the `changes` (GUI thread): the
    result is the document a fresh build of `parts` gives. (The pane does the same one
    change per turn of the event loop: see PatchSteps.)"""
    steps = PatchSteps(doc, parts, shown, changes)
    while steps.step():
        pass


class PatchSteps:
    """The changes of a patch, applied one at a time from the last part up (what comes
    before a change keeps its place); between two steps `current` lists the parts the
    document holds, where they are. Each step is one edit (and one layout) of the document:
    a new heading changes its section and, far above, the table of contents; applied in
    one edit, the layout of the whole document in between blocked the GUI ~100 ms."""

    def __init__(
        self, doc: QTextDocument, parts: list[Part], shown: list[Part], changes: list[Change]
    ) -> None:
        self.doc = doc
        self.parts = parts
        self.current = list(shown)
        self.todo = list(changes)

    def step(self) -> bool:
        """Apply the next change; False once the document is that of `parts` (and the
        parts know their places)."""
        if self.todo:
            change = self.todo.pop()
            cursor = QTextCursor(self.doc)
            cursor.beginEditBlock()
            delta = _patch(self.doc, cursor, self.current, self.parts, change)
            cursor.endEditBlock()
            moved = [
                Part(p.html, p.first_line, p.start + delta, p.end + delta, p.anchors)
                for p in self.current[change.old_hi :]
            ]
            self.current = (
                self.current[: change.old_lo] + self.parts[change.new_lo : change.new_hi] + moved
            )
            if self.todo:
                return True
        for new, now in zip(self.parts, self.current, strict=True):
            if new is not now:
                new.start, new.end, new.anchors = now.start, now.end, now.anchors
        return False


def _patch(
    doc: QTextDocument,
    cursor: QTextCursor,
    shown: list[Part],
    parts: list[Part],
    change: Change,
) -> int:
    """Apply one change to the parts `shown`; returns how much longer the document became."""
    length = doc.characterCount()
    if change.old_lo < change.old_hi:  # the old parts' range, and the block breaks between
        start = shown[change.old_lo].start
        end = shown[change.old_hi - 1].end
        if change.new_lo == change.new_hi:  # gone: with the break before them
            start = shown[change.old_lo - 1].end
    else:  # only new parts: after the part before them
        start = end = shown[change.old_lo - 1].end
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()
    for k in range(change.new_lo, change.new_hi):
        new = parts[k]
        add_images(doc, new.html)
        if k > change.new_lo or change.old_lo == change.old_hi:
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        new.start = cursor.position()
        if new.pieces is not None:  # parsed on the worker: a few calls here
            for fragment in new.pieces:
                cursor.insertFragment(fragment)
        else:
            for piece in _slices(new.html):
                cursor.insertHtml(piece)
        new.end = cursor.position()
        _neutral_lead(doc, new.start)
        if new.pieces is None:
            new.anchors = collect_anchors(doc, new.start, new.end)
        new.pieces = None
    return doc.characterCount() - length


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
