"""`byline spell`: exact lines, exit codes, the blog's own words and word lists, bad input."""

from pathlib import Path

import pytest

from editor.cli import main


def post(folder: Path, name: str, body: str, front: str = "title: A post") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\nlayout: post\n{front}\n---\n{body}", encoding="utf-8")
    return path


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "blog"
    root.mkdir()
    (root / "_config.yml").write_text("title: Blog\nlang: en-US\n")
    for n in range(3):  # "Fjordholm" in three posts: the blog's own word
        post(root / "_posts", f"2025-01-0{n + 1}-p{n}.md", "We walked to Fjordholm again.\n")
    post(root / "_posts", "2025-02-01-typo.md", "Intro line\n\nI recieve `codez` and [a link](http://exmaple.com/x).\n",
         front="title: A tyop in the title")  # fmt: skip
    return root


def test_site_output_lines_and_exit_code(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["spell", str(site)]) == 1
    out = capsys.readouterr().out
    typo = f"{site}/_posts/2025-02-01-typo.md"
    assert out == (f"{typo}:3:10: tyop: top, typo\n{typo}:7:3: recieve: receive, relieve\n")


def test_one_post_learns_from_its_site(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = site / "_posts" / "2025-01-01-p0.md"
    assert main(["spell", str(path)]) == 0
    assert capsys.readouterr().out == ""


def test_word_lists_personal_and_site(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / "_data").mkdir()
    (site / "_data" / "spelling.txt").write_text("# our words\ntyop\n")
    from editor.core.spelling.word_lists import add_to_list, personal_path

    add_to_list(personal_path(), "recieve")
    assert main(["spell", str(site)]) == 0
    assert capsys.readouterr().out == ""


def test_lang_option_and_post_lang(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    de = post(
        site / "_posts", "2025-03-01-de.md", "Das Haus ist schön.\n", front="title: Haus\nlang: de"
    )
    assert main(["spell", str(de)]) == 0
    assert main(["spell", str(de), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert f"{de}:6:5: Haus:" in out


def test_errors_exit_2(site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["spell", str(site), "--lang", "xx"]) == 2
    assert "no spelling dictionary for 'xx'" in capsys.readouterr().err
    binary = site / "_posts" / "2025-04-01-bin.md"
    binary.write_bytes(b"\x00\x01" * 100)
    assert main(["spell", str(binary)]) == 2
    assert "not checked" in capsys.readouterr().err
    assert main(["spell", str(tmp_path / "missing.md")]) == 2


def test_a_two_megabyte_line(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    big = post(site / "_posts", "2025-05-01-big.md", "word " * 350_000 + "\n")
    assert main(["spell", str(big)]) == 0


def test_a_british_blog_without_lang_is_checked_in_british(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path / "uk"
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: Blog\nlang: en\n")  # English, which one unsaid
    post(root / "_posts", "2025-01-01-a.md", "The colour of the harbour; we organised it.\n")
    post(root / "_posts", "2025-01-02-b.md", "My favourite centre, and a wierd typo.\n")
    assert main(["spell", str(root)]) == 1
    assert [line.split(": ")[1] for line in capsys.readouterr().out.splitlines()] == ["wierd"]
    (root / "_config.yml").write_text("title: Blog\nlang: en-US\n")  # said: it wins
    assert main(["spell", str(root)]) == 1
    flagged = {line.split(": ")[1] for line in capsys.readouterr().out.splitlines()}
    assert {"colour", "harbour", "favourite", "centre", "wierd"} <= flagged


def test_the_blogs_own_names_are_known(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / "_config.yml").write_text(
        "title: Kveldulf's Notebook\nlang: en-US\nauthor:\n  name: Brynjar Haugsvik\n"
        "authors:\n  siri:\n    name: siri\n    display_name: Sigrún Ólafsdóttir\n"
    )
    path = post(
        site / "_posts",
        "2025-04-01-names.md",
        "Brynjar, Sigrún Ólafsdóttir and Siri wrote Kveldulf's Notebook. Not Hrafnkell.\n",
    )
    assert main(["spell", str(path)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"{path}:5:69: Hrafnkell:") and out.count("\n") == 1  # the only one
