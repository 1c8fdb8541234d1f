"""A blog whose posts carry the given `date:` texts, built by the real `jekyll build`: the
date each page shows is what the date tests check Byline against."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

SHOWN = re.compile(r'<p class="date">([^<]*)</p>')


def published_dates(site: Path, dates: list[str], timezone: str) -> list[str]:
    """Posts p00, p01, ... with these dates, built in `site`; each page's date as
    `%Y-%m-%d %H:%M:%S %z`, in order."""
    jekyll = shutil.which("jekyll")
    assert jekyll, "jekyll is not installed (Debian's package; .ci/run installs it)"
    (site / "_layouts").mkdir(parents=True)
    (site / "_posts").mkdir()
    (site / "_layouts" / "post.html").write_text(
        '---\n---\n<p class="date">{{ page.date | date: "%Y-%m-%d %H:%M:%S %z" }}</p>\n'
    )
    (site / "_config.yml").write_text(f"title: T\ntimezone: {timezone}\n")
    for n, raw in enumerate(dates):
        (site / "_posts" / f"2020-01-01-p{n:02}.md").write_text(
            f"---\nlayout: post\ntitle: p{n:02}\ndate: {raw}\n---\nx\n"
        )
    subprocess.run([jekyll, "build", "-q", "-s", str(site), "-d", str(site / "_site")],
                   check=True, capture_output=True, timeout=120)  # fmt: skip
    shown = []
    for n in range(len(dates)):
        page = next((site / "_site").rglob(f"p{n:02}.html")).read_text()
        found = SHOWN.search(page)
        assert found, page
        shown.append(found[1])
    return shown
