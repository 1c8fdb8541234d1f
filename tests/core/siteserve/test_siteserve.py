"""The `jekyll serve` command, its output read, and a post's page URL."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from editor.core.siteserve.command import find_jekyll, free_port, serve_command
from editor.core.siteserve.output import Event, read_line
from editor.core.siteserve.page_url import page_path

SAMPLE = Path(__file__).resolve().parents[3] / "resources" / "sample-blog"


def test_the_command_serves_drafts_and_future_posts_into_the_cache(tmp_path: Path) -> None:
    command = serve_command(SAMPLE, tmp_path, ["/usr/bin/jekyll"])
    args = command.arguments
    assert args[0] == "serve"
    for flag in ("--drafts", "--future", "--livereload", "--disable-disk-cache"):
        assert flag in args
    assert args[args.index("--destination") + 1].startswith(str(tmp_path))
    assert args[args.index("--host") + 1] == "127.0.0.1"
    assert command.base_url == f"http://127.0.0.1:{command.port}"
    assert args[args.index("--livereload-port") + 1] != str(command.port)


def test_bundle_exec_when_the_site_has_a_gemfile(tmp_path: Path, monkeypatch) -> None:
    tools = tmp_path / "bin"
    tools.mkdir()
    for name in ("bundle", "jekyll"):
        (tools / name).write_text("#!/bin/sh\n")
        (tools / name).chmod(0o755)
    monkeypatch.setenv("PATH", str(tools))
    site = tmp_path / "site"
    site.mkdir()
    assert find_jekyll(site) == [str(tools / "jekyll")]
    (site / "Gemfile").write_text('gem "jekyll"\n')
    assert find_jekyll(site) == [str(tools / "bundle"), "exec", "jekyll"]
    monkeypatch.setenv("PATH", str(tmp_path / "nothing"))
    assert find_jekyll(site) is None


def test_free_port_is_free() -> None:
    import socket

    port = free_port()
    with socket.socket() as s:
        s.bind(("127.0.0.1", port))


@pytest.mark.parametrize(
    ("line", "event"),
    [
        ("      Generating... ", Event.BUILDING),
        ("                    done in 0.754 seconds.", Event.BUILT),
        ("      Regenerating: 1 file(s) changed at 2026-12-04 15:20:01", Event.BUILDING),
        ("    Server address: http://127.0.0.1:4123/", Event.SERVING),
        ("  Liquid Exception: Liquid syntax error (line 3): Unknown tag 'foo' in _posts/x.md",
         Event.ERROR),
        ("             Error: could not read file /x: (<unknown>): did not find expected key",
         Event.ERROR),
        ("       Deprecation: You appear to have pagination turned on", Event.WARNING),
        ("Configuration file: /tmp/site/_config.yml", Event.INFO),
    ],
)  # fmt: skip
def test_output_lines_are_read(line: str, event: Event) -> None:
    assert read_line(line).event is event


def test_build_time_is_read() -> None:
    assert read_line("   ...done in 0.05 seconds.").seconds == 0.05


def test_page_path_follows_the_permalink(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(SAMPLE, site)
    post = site / "_posts" / "2025-09-12-dusk-on-the-ridge.md"
    assert (
        page_path(site, tmp_path / "built", post) == "/travel/stories/2025/09/12/dusk-on-the-ridge/"
    )
    draft = site / "_drafts" / "first-frost-in-the-valley.md"
    built = tmp_path / "built" / "stories" / "2026" / "12" / "04" / "first-frost-in-the-valley"
    built.mkdir(parents=True)
    (built / "index.html").write_text("<html></html>")
    assert page_path(site, tmp_path / "built", draft) == (
        "/stories/2026/12/04/first-frost-in-the-valley/"
    )
