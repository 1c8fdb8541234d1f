"""A broken post's problem is kept in its entry without the stack it was raised through."""

from pathlib import Path

from editor.core.index.post_entry import PathMaker
from editor.core.index.post_scan import ScanContext, scan_entry
from editor.core.site.post_files import PostFile
from editor.core.site.site import Site

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "sites" / "problems"


def test_problems_hold_no_traceback() -> None:
    site = Site.open(FIXTURE)
    context = ScanContext(str(site.root), site.zone, site.config, PathMaker(site.root))
    problems = []
    for name in ("2025-08-16-broken.md", "2025-03-01-bad-date.md"):
        rel = f"_posts/{name}"
        entry = scan_entry(PostFile(str(site.root / rel), rel, False, ()), context)
        assert entry.problem is not None
        problems.append(entry.problem)
    for problem in problems:
        seen: BaseException | None = problem
        while seen is not None:
            assert seen.__traceback__ is None
            seen = seen.__cause__ or seen.__context__
    assert "did not find expected key" in str(problems[0])
    assert problems[1].line == 4
