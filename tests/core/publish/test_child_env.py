"""Programs Byline starts get the author's environment, not a frozen Byline's library path."""

from __future__ import annotations

import sys

from editor.core.child_env import child_environment


def test_a_frozen_byline_gives_git_the_author_s_library_path(monkeypatch) -> None:
    env = {"LD_LIBRARY_PATH": "/opt/byline", "LD_LIBRARY_PATH_ORIG": "/home/a/lib", "X": "1"}
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert child_environment(env) == {"LD_LIBRARY_PATH": "/home/a/lib", "X": "1"}
    assert child_environment({"LD_LIBRARY_PATH": "/opt/byline"}) == {}


def test_from_source_the_environment_is_left_alone(monkeypatch) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    env = {"LD_LIBRARY_PATH": "/mine"}
    assert child_environment(env) == env
