"""Running the author's own `git`: their config, credentials, SSH keys and hooks apply.

Every call is a plain subprocess with no terminal: git may not prompt (a prompt nobody can
answer would hang the window), messages are in English so failures can be recognised, and
read-only calls take no optional locks so a background status never gets in the way of a
`git` the author runs in a terminal. Only `push`, `pull` and `fetch` reach the network.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from editor.core.child_env import child_environment
from editor.core.publish.failures import Failure, GitFailure, classify

NETWORK_TIMEOUT = 300.0  # seconds: a push over a slow line is fine, a dead one is "offline"
LOCAL_TIMEOUT = 120.0  # a commit's hooks may run a while (linters), never forever


def find_git() -> str | None:
    """The `git` on PATH, or None (the features are then hidden with a reason)."""
    return shutil.which("git")


def _environment() -> dict[str, str]:
    env = child_environment()
    env.update(
        GIT_TERMINAL_PROMPT="0",  # https credentials: the helper or nothing, never a prompt
        GIT_EDITOR="true",  # a merge or rebase that wants a message keeps git's own
        GIT_MERGE_AUTOEDIT="no",
        LC_ALL="C",  # failures are recognised by git's English words
        LANGUAGE="C",
    )
    env.pop("GIT_DIR", None)  # a hook's environment must not point us at another repository
    env.pop("GIT_WORK_TREE", None)
    env.pop("GIT_INDEX_FILE", None)
    return env


@dataclass(frozen=True)
class Result:
    code: int
    out: bytes
    err: str

    @property
    def text(self) -> str:
        return self.out.decode("utf-8", "replace")


class Git:
    """One repository (the folder holding the site), run through `git -C folder`."""

    def __init__(self, folder: Path, executable: str | None = None) -> None:
        exe = executable or find_git()
        if exe is None:
            raise GitFailure(Failure.GIT_MISSING)
        self.executable = exe
        self.folder = Path(folder)

    def run(
        self,
        *args: str,
        network: bool = False,
        check: bool = True,
        read_only: bool = False,
        timeout: float | None = None,
    ) -> Result:
        """Run `git args...` in the folder; a failure raises GitFailure unless `check` is off."""
        env = _environment()
        if read_only:
            env["GIT_OPTIONAL_LOCKS"] = "0"
        cmd = [self.executable, "-C", str(self.folder), "--literal-pathspecs", *args]
        kwargs: dict[str, object] = {}
        if sys.platform == "win32":
            kwargs["creationflags"] = getattr(subprocess, "CREATE_NO_WINDOW", 0)
        else:
            kwargs["start_new_session"] = True  # no controlling terminal: ssh cannot prompt
        try:
            proc = subprocess.run(
                cmd,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                env=env,
                timeout=timeout or (NETWORK_TIMEOUT if network else LOCAL_TIMEOUT),
                check=False,
                **kwargs,  # type: ignore[call-overload]
            )
        except FileNotFoundError:
            raise GitFailure(Failure.GIT_MISSING) from None
        except subprocess.TimeoutExpired as exc:
            kind = Failure.OFFLINE if network else Failure.OTHER
            raise GitFailure(kind, f"git {args[0]} gave no answer in {exc.timeout:.0f} s") from None
        result = Result(proc.returncode, proc.stdout, proc.stderr.decode("utf-8", "replace"))
        if check and result.code != 0:
            raise self.failure(result)
        return result

    def failure(self, result: Result) -> GitFailure:
        details = (result.err + "\n" + result.text).strip()
        return GitFailure(classify(details), details)
