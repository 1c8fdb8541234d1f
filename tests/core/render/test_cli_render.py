"""`byline render`: a standalone page or the body, in a site or not."""

from editor.cli import main


def test_render_post_in_site_to_file(site, tmp_path):
    post = site.root / "_posts" / "2024-01-01-hello.md"
    out = tmp_path / "out.html"
    assert main(["render", str(post), "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<style>" in html
    assert "Hello" in html and "<p>Hi</p>" in html


def test_render_body_only_of_a_file_without_front_matter(tmp_path, capsys):
    md = tmp_path / "note.md"
    md.write_text("It's *fine* -- {{ site.title }}.\n", encoding="utf-8")
    assert main(["render", str(md), "--body-only"]) == 0
    assert capsys.readouterr().out == "<p>It’s <em>fine</em> – .</p>\n"


def test_render_missing_file_is_a_clear_error(tmp_path, capsys):
    assert main(["render", str(tmp_path / "nope.md")]) == 2
    assert capsys.readouterr().err == f"byline: {tmp_path / 'nope.md'} does not exist\n"
