"""Mistyped commands, paths that are not there, no display, render on a folder: one clear
sentence each, never argparse's or Qt's words, and never the same path twice."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from editor.app import CLI_COMMANDS
from editor.app import main as app_main
from editor.cli import main as cli_main
from editor.mistakes import no_display, unknown_command

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample-blog"
POST = SAMPLE / "_posts" / "2025-09-12-dusk-on-the-ridge.md"


def test_a_mistyped_command_gets_a_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    assert app_main(["lsit", str(SAMPLE)]) == 2
    err = capsys.readouterr().err
    assert err == "byline: unknown command 'lsit' (did you mean list?)\n"


def test_a_word_that_is_neither_command_nor_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert app_main(["frobnicate"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("byline: 'frobnicate' is neither a command (check, list, new, ")
    assert "nor a file or folder" in err


def test_existing_paths_and_commands_are_not_mistakes(tmp_path: Path) -> None:
    assert unknown_command([str(SAMPLE)], CLI_COMMANDS) is None
    assert unknown_command(["list", str(SAMPLE)], CLI_COMMANDS) is None
    assert unknown_command(["--version"], CLI_COMMANDS) is None
    # a missing absolute path is left to the window, which offers Open Site…
    assert unknown_command([str(tmp_path / "gone.md")], CLI_COMMANDS) is None


def test_no_display_is_said_plainly() -> None:
    env = {"PATH": "/usr/bin"}
    message = no_display([str(SAMPLE)], CLI_COMMANDS, env, "linux")
    assert message is not None
    assert message.startswith("there is no display to open the editor on")
    assert "The commands work without one: byline check|list|new|" in message
    gone = no_display(["/nowhere/x.md"], CLI_COMMANDS, env, "linux")
    assert gone is not None and gone.startswith("/nowhere/x.md does not exist, and there is")
    assert no_display([], CLI_COMMANDS, {"DISPLAY": ":0"}, "linux") is None
    assert no_display([], CLI_COMMANDS, {"WAYLAND_DISPLAY": "w-0"}, "linux") is None
    assert no_display([], CLI_COMMANDS, {"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert no_display([], CLI_COMMANDS, {}, "win32") is None


def _without_display() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()}
    for key in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(key, None)
    return env


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland only")
def test_the_real_command_without_a_display(tmp_path: Path) -> None:
    """The installed entry point: no Qt abort, no xcb-cursor0 advice."""
    env = _without_display()
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[var] = str(tmp_path / var)
    run = [sys.executable, "-m", "editor"]
    out = subprocess.run([*run, "frobnicate"], capture_output=True, text=True, env=env,
                         cwd=tmp_path, timeout=60, check=False)  # fmt: skip
    assert out.returncode == 2
    assert "neither a command" in out.stderr and "xcb" not in out.stderr
    out = subprocess.run([*run, str(SAMPLE)], capture_output=True, text=True, env=env,
                         timeout=60, check=False)  # fmt: skip
    assert out.returncode == 2
    assert out.stderr.startswith("byline: there is no display to open the editor on")
    assert "xcb" not in out.stderr


def test_errors_name_the_path_once(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "x"
    assert cli_main(["list", str(missing)]) == 2
    assert capsys.readouterr().err == f"byline: {missing} does not exist\n"


def test_render_on_a_folder(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["render", str(SAMPLE)]) == 2
    err = capsys.readouterr().err
    assert err == f"byline: {SAMPLE} is a folder: render takes one post (a Markdown file)\n"


def test_render_on_a_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert cli_main(["render", str(tmp_path / "nope.md")]) == 2
    assert capsys.readouterr().err == f"byline: {tmp_path / 'nope.md'} does not exist\n"


def test_the_readme_says_where_make_run_puts_byline() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert "the command is `.venv/bin/byline`" in readme
    assert (Path(sys.executable).parent / "byline").exists()  # what make run installs


def test_every_registered_command_is_known() -> None:
    from editor.mistakes import known_commands

    assert {"new", "list", "check", "render", "publish", "sync"} <= known_commands()


def test_the_quick_command_list_names_every_registered_command() -> None:
    """app.py keeps the names as a literal (no CLI import before `byline list` starts);
    a command added to editor.cli but not there would start slower or open the window."""
    from editor.mistakes import known_commands

    assert known_commands() == CLI_COMMANDS
