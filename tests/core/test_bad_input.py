"""The bad-input corpus: every broken file gives a clear BylineError and stays byte for byte.

Small cases live in tests/fixtures/bad_input/; the big ones are generated here.
"""

import errno
import hashlib
import os
import time
from pathlib import Path

import pytest

from editor.core.errors import (
    BylineError,
    DiskFullError,
    EncodingError,
    FileTooLargeError,
    InvalidDateError,
    NameTakenError,
    NotAMappingError,
    PostFormatError,
    ReadOnlyError,
    StorageError,
    UnsafeYamlError,
    YamlSyntaxError,
)
from editor.core.post.post import parse_post
from editor.core.safety import storage
from editor.core.safety.history import History
from editor.core.safety.post_io import load_post, read_post, save_post
from editor.core.site.site import Site

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "bad_input"
GOOD = '---\nlayout: post\ntitle: "Alaska"\ndate: 2025-08-14T22:02:54\n---\n\nBody.\n'

# file, error class, words the message must hold, line (None: no line applies)
CASES = [
    ("unclosed-quote.md", YamlSyntaxError, "quoted scalar that starts on line 3", 5),
    ("bad-indentation.md", YamlSyntaxError, "did not find expected key", 4),
    ("tabs.md", YamlSyntaxError, "YAML indents with spaces only", 4),
    ("duplicate-keys.md", YamlSyntaxError, "duplicate key 'title' (first on line 3)", 5),
    ("front-matter-list.md", NotAMappingError, "but it is a list", 2),
    ("front-matter-scalar.md", NotAMappingError, "but it is a single value", 2),
    ("no-closing.md", YamlSyntaxError, "has no closing --- line", 1),
    ("invalid-utf8.md", EncodingError, "not UTF-8 text: byte 0xe9", 3),
    ("binary.md", EncodingError, "binary file", None),
    ("nul-bytes.md", EncodingError, "contains NUL bytes", None),
    ("date-feb-30.md", InvalidDateError, "date 2025-02-30 is not a real date", 4),
    ("alias-bomb.md", UnsafeYamlError, "alias bomb", 7),
    ("python-object.md", UnsafeYamlError, "python/object/apply:os.system is not allowed", 3),
    # issue 16: out of range in some timezone (OverflowError before), numbers too long
    ("date-after-year-9999.md", InvalidDateError, "9999-12-31 23:59:59-23:59 is out of range", 4),
    ("date-before-year-1.md", InvalidDateError, "0001-01-01 00:00:00+05:00 is out of range", 4),
]
# files that once were refused but Jekyll reads: they open, and save byte for byte
ACCEPTED = ["number-5000-digits.md"]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "_posts").mkdir(parents=True)
    return root


def test_corpus_is_complete() -> None:
    names = [c[0] for c in CASES] + ACCEPTED
    assert sorted(p.name for p in CORPUS.glob("*.md")) == sorted(names)


def test_a_number_of_5000_digits_is_read_as_jekyll_reads_it(site: Path) -> None:
    path = site / "_posts" / "2025-08-14-big.md"
    path.write_bytes((CORPUS / "number-5000-digits.md").read_bytes())
    post = load_post(path)
    weight = post.get("weight")
    assert isinstance(weight, int) and weight == 7 * (10**5000 - 1) // 9
    assert str(weight) == "7" * 5000
    post.set("title", "Bigger")  # the number's line is never written again
    assert post.to_text().endswith("weight: " + "7" * 5000 + "\n---\n\nBody.\n")


def test_a_number_of_a_million_digits_in_bounded_time() -> None:
    started = time.process_time()
    post = parse_post("---\nweight: -" + "1" * 1_000_000 + "\n---\n")
    assert post.get("weight") < 0 and str(post.get("weight")).startswith("-111")
    assert time.process_time() - started < 30  # quadratic would take ~4 minutes


@pytest.mark.parametrize(("name", "error", "words", "line"), CASES)
def test_bad_file(site: Path, name: str, error: type, words: str, line: int | None) -> None:
    path = site / "_posts" / f"2025-08-14-{name}"
    path.write_bytes((CORPUS / name).read_bytes())
    before = _digest(path)
    started = time.perf_counter()
    with pytest.raises(error) as caught:
        load_post(path)
    elapsed = time.perf_counter() - started
    exc = caught.value
    assert words in exc.message
    assert len(str(exc)) < 300 + len(str(path))  # one readable line, never the whole value
    assert exc.line == line
    assert str(exc).startswith(f"{path}:" if line else f"{path}: ")
    assert elapsed < 5  # generous: a bomb is refused, never expanded (that took a minute)
    # the raw editor gets the text when it is text at all; saving it as is changes nothing
    if not issubclass(error, EncodingError):
        loaded = read_post(path)
        assert loaded.post is None and type(loaded.error) is error
        save_post(
            loaded.text, path, site, expected=loaded.stamp, history=History(site.parent / "h")
        )
    assert _digest(path) == before
    # the site still opens, skipping the broken post
    Site.open(site)


def test_fifty_megabyte_post_is_refused_untouched(site: Path) -> None:
    path = site / "_posts" / "2025-08-14-huge.md"
    chunk = "All work and no play makes Jack a dull boy. " * 23 + "\n"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write('---\ntitle: "Huge"\n---\n\n')
        for _ in range(50 * 2**20 // len(chunk) + 1):
            handle.write(chunk)
    before = _digest(path)
    with pytest.raises(FileTooLargeError, match=r"is 50\.0 MB; Byline opens posts up to 16 MB"):
        load_post(path)
    with pytest.raises(FileTooLargeError):
        read_post(path)
    assert _digest(path) == before


def test_fifty_megabyte_text_still_parses() -> None:
    text = GOOD + ("x" * 99 + "\n") * (50 * 2**20 // 100)
    post = parse_post(text)
    assert post.get("title") == "Alaska"
    assert post.to_text() == text


def test_huge_single_line(site: Path) -> None:
    path = site / "_posts" / "2025-08-14-line.md"
    body_line = "word " * 1_000_000  # 5 MB, no newline at all
    title = "t" * 1_000_000
    text = f'---\ntitle: "{title}"\n---\n\n{body_line}'
    path.write_text(text)
    post = load_post(path)
    assert post.get("title") == title
    assert post.to_text() == text
    post.set("excerpt", "short")
    save_post(post, path, site)
    assert load_post(path).get("excerpt") == "short"


def test_no_front_matter(site: Path) -> None:
    path = site / "_posts" / "2025-08-14-plain.md"
    path.write_text("Just markdown.\n")
    with pytest.raises(PostFormatError, match="no front matter"):
        load_post(path)


def test_deep_nesting_is_refused() -> None:
    with pytest.raises(YamlSyntaxError, match="maximum nesting depth"):
        parse_post("---\na: " + "[" * 100_000 + "]" * 100_000 + "\n---\n")


def test_read_only_post(site: Path) -> None:
    path = site / "_posts" / "2025-08-14-ro.md"
    path.write_text(GOOD)
    path.chmod(0o444)
    before = _digest(path)
    post = load_post(path)
    post.set("title", "Changed")
    with pytest.raises(ReadOnlyError, match=r"2025-08-14-ro\.md is read-only, so it was not saved"):
        save_post(post, path, site)
    assert _digest(path) == before
    path.chmod(0o644)


def _refuse(code: int):  # type: ignore[no-untyped-def]
    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    return fail


def test_read_only_posts_folder(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = site / "_posts" / "2025-08-14-a.md"
    path.write_text(GOOD)
    before = _digest(path)
    post = load_post(path)
    post.set("title", "Changed")
    if os.geteuid() != 0:
        (site / "_posts").chmod(0o555)
    else:  # root writes anywhere: make the folder refuse the temp file the way it would
        monkeypatch.setattr(storage.tempfile, "mkstemp", _refuse(errno.EACCES))
    try:
        with pytest.raises(ReadOnlyError, match=r"permission denied: the folder .*_posts is read"):
            save_post(post, path, site)
    finally:
        (site / "_posts").chmod(0o755)
    assert _digest(path) == before
    assert [p.name for p in (site / "_posts").iterdir()] == [path.name]


def test_full_disk(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = site / "_posts" / "2025-08-14-a.md"
    path.write_text(GOOD)
    before = _digest(path)
    post = load_post(path)
    post.set_body_from_editor("A long new body.\n" * 1000)
    real_fdopen = os.fdopen

    class FullFile:
        def __init__(self, fd: int, mode: str) -> None:
            self._file = real_fdopen(fd, mode)

        def __enter__(self) -> "FullFile":
            return self

        def __exit__(self, *exc: object) -> None:
            self._file.close()

        def write(self, data: bytes) -> int:
            self._file.write(data[:100])  # a partial write, then the disk is full
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage.os, "fdopen", FullFile)
    with pytest.raises(DiskFullError, match=r"the disk is full: 2025-08-14-a\.md was not saved"):
        save_post(post, path, site)
    monkeypatch.undo()
    assert _digest(path) == before
    assert [p.name for p in (site / "_posts").iterdir()] == [path.name]


def test_name_taken(site: Path) -> None:
    path = site / "_posts" / "2025-08-14-alaska.md"
    path.write_text("someone else's post")
    before = _digest(path)
    with pytest.raises(NameTakenError, match=r"2025-08-14-alaska\.md already exists"):
        save_post(parse_post(GOOD), path, site, new=True)
    assert _digest(path) == before
    # Site.write_new picks a free name instead
    new = Site.open(site).write_new(parse_post(GOOD))
    assert new.name == "2025-08-14-alaska-2.md"
    assert _digest(path) == before


def test_every_error_is_a_byline_error() -> None:
    for _, error, _, _ in CASES:
        assert issubclass(error, BylineError)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX only")
def test_a_pipe_named_md_is_refused_without_blocking(site: Path) -> None:
    path = site / "_posts" / "2025-08-14-pipe.md"
    os.mkfifo(path)
    with pytest.raises(StorageError, match="not a regular file"):
        load_post(path)


def test_a_missing_file(site: Path) -> None:
    with pytest.raises(StorageError, match="No such file"):
        load_post(site / "_posts" / "nope.md")
