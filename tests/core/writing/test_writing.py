"""The outline of a post and the word goals with the words written today."""

import datetime as dt
from pathlib import Path

from editor.core.writing.goals import Goals
from editor.core.writing.outline import Heading, outline, section_at

BODY = """Intro line.

# Title {#top}

Text.

```python
# not a heading
```

Setext heading
--------------

### Deep ###
~~~
## also not
~~~
"""


def test_outline_atx_setext_and_fences() -> None:
    assert outline(BODY) == [
        Heading(1, "Title", 3),
        Heading(2, "Setext heading", 11),
        Heading(3, "Deep", 14),
    ]


def test_section_at() -> None:
    headings = outline(BODY)
    assert section_at(headings, 1) is None
    assert section_at(headings, 3) == 0
    assert section_at(headings, 12) == 1
    assert section_at(headings, 99) == 2


def test_goals_and_words_today(tmp_path: Path) -> None:
    site = tmp_path / "blog"
    post = site / "_posts" / "a.md"
    day = dt.date(2026, 1, 2)
    goals = Goals(tmp_path / "data", site)
    goals.set_goal(post, 1000)
    assert goals.count(post, 500, day) == 0  # first seen today: the starting point
    assert goals.count(post, 800, day) == 300
    assert goals.count(post, 700, day) == 200  # deleting counts against today
    other = site / "_posts" / "b.md"
    goals.start_new(other, 0, day)
    assert goals.count(other, 50, day) == 250
    goals.save()
    again = Goals(tmp_path / "data", site)
    assert again.goal(post) == 1000 and again.today(day) == 250
    assert again.count(post, 400, dt.date(2026, 1, 3)) == 0  # a new day starts again
    again.set_goal(post, None)
    assert again.goal(post) is None
    assert not list(site.glob("**/*"))  # nothing written into the blog


def test_damaged_goals_file_is_a_fresh_start(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "writing-goals.json").write_text("{not json", encoding="utf-8")
    goals = Goals(tmp_path / "data", tmp_path / "blog")
    assert goals.goal(tmp_path / "blog" / "x.md") is None


def test_goals_are_written_only_when_they_change(tmp_path: Path) -> None:
    # opening a post records its count; opening it again must not write on the way to the
    # window's first paint
    site = tmp_path / "site"
    post = site / "_posts" / "2025-01-01-a.md"
    day = dt.date(2025, 1, 2)
    goals = Goals(tmp_path / "data", site)
    goals.count(post, 100, today=day)
    goals.save()
    again = Goals(tmp_path / "data", site)
    again.file.write_bytes(again.file.read_bytes())  # the same bytes, a new mtime to compare
    stamp = again.file.stat().st_mtime_ns
    again.count(post, 100, today=day)
    again.save()
    assert again.file.stat().st_mtime_ns == stamp
    again.count(post, 120, today=day)
    again.save()
    assert Goals(tmp_path / "data", site).count(None, 0, today=day) == 20
