"""`make package`: the PyInstaller bundle and, per system, what authors download.

Linux:   dist/byline/ (the bundle), dist/byline-<v>-linux-<arch>.tar.gz,
         dist/byline_<v>_<arch>.deb, and the NSIS script compiled against a
         placeholder payload (build/nsis/) to prove it builds.
Windows: dist/byline/ and dist/byline-<v>-setup.exe (NSIS, real payload).
macOS:   dist/Byline.app and dist/Byline-<v>.dmg (packaging/macos/make_dmg.sh).

    python packaging/build.py [--skip-bundle] [--steps icons,bundle,tar,deb,nsis,dmg]
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from make_deb import build_deb  # noqa: E402
from make_icons import make_icons  # noqa: E402

DEFAULT_STEPS = {
    "linux": ["icons", "bundle", "tar", "deb", "nsis"],
    "win32": ["icons", "bundle", "nsis"],
    "darwin": ["icons", "bundle", "dmg"],
}


def version() -> str:
    text = (ROOT / "editor" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'__version__ = "([^"]+)"', text)
    assert match, "no __version__ in editor/__init__.py"
    return match[1]


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


class Build:
    def __init__(self, dist: Path, work: Path) -> None:
        self.dist = dist
        self.work = work
        self.version = version()
        self.icons = work / "icons"
        self.bundle = dist / "byline"
        self.outputs: list[Path] = []

    def icons_step(self) -> None:
        make_icons(self.icons)

    def bundle_step(self) -> None:
        env = dict(os.environ, BYLINE_ICON_DIR=str(self.icons), QT_QPA_PLATFORM="offscreen")
        subprocess.run(
            [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level=WARN",
             "--distpath", str(self.dist), "--workpath", str(self.work / "pyinstaller"),
             str(HERE / "byline.spec")],
            check=True,
            env=env,
            cwd=ROOT,
        )  # fmt: skip
        self.outputs.append(self.bundle)

    def tar_step(self) -> None:
        """A .tar.gz of the bundle: unpack anywhere, run byline-<v>/byline."""
        arch = platform.machine().lower() or "unknown"
        target = self.dist / f"byline-{self.version}-linux-{arch}.tar.gz"
        top = f"byline-{self.version}"

        def owned_by_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
            info.uid = info.gid = 0
            info.uname = info.gname = "root"
            return info

        with tarfile.open(target, "w:gz", compresslevel=6) as tar:
            tar.add(self.bundle, arcname=top, filter=owned_by_root)
        self.outputs.append(target)

    def deb_step(self) -> None:
        self.outputs.append(build_deb(self.bundle, self.icons, self.work, self.dist, self.version))

    def nsis_step(self) -> None:
        """Compile byline.nsi: the real bundle on Windows, a placeholder payload elsewhere."""
        makensis = shutil.which("makensis")
        if makensis is None and sys.platform == "win32":  # NSIS' installer skips PATH
            for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
                candidate = Path(base or "C:/") / "NSIS" / "makensis.exe"
                makensis = str(candidate) if candidate.is_file() else makensis
        if makensis is None:
            raise SystemExit("makensis not found: install NSIS (Debian: apt-get install nsis)")
        if sys.platform == "win32":
            payload, out = self.bundle, self.dist / f"byline-{self.version}-setup.exe"
        else:
            payload = self.work / "nsis" / "payload"
            shutil.rmtree(payload, ignore_errors=True)
            (payload / "_internal").mkdir(parents=True)
            for name in ("byline.exe", "byline-cli.exe", "_internal/placeholder.txt"):
                (payload / name).write_text("placeholder: built on Windows\n", encoding="utf-8")
            out = self.work / "nsis" / f"byline-{self.version}-setup-placeholder.exe"
        subprocess.run(
            [makensis, "-V2", "-WX", f"-DVERSION={self.version}", f"-DPAYLOAD={payload}",
             f"-DICON={self.icons / 'byline.ico'}", f"-DOUTFILE={out}",
             str(HERE / "windows" / "byline.nsi")],
            check=True,
        )  # fmt: skip
        self.outputs.append(out)

    def dmg_step(self) -> None:
        subprocess.run(
            ["sh", str(HERE / "macos" / "make_dmg.sh"), str(self.dist / "Byline.app"),
             str(self.dist / f"Byline-{self.version}.dmg"), self.version],
            check=True,
        )  # fmt: skip
        self.outputs.append(self.dist / f"Byline-{self.version}.dmg")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build")
    parser.add_argument("--steps", help="comma-separated steps (default: all for this system)")
    parser.add_argument("--skip-bundle", action="store_true", help="reuse dist/byline")
    args = parser.parse_args(argv)
    system = "linux" if sys.platform.startswith("linux") else sys.platform
    steps = args.steps.split(",") if args.steps else DEFAULT_STEPS.get(system, ["icons", "bundle"])
    if args.skip_bundle:
        steps = [s for s in steps if s != "bundle"]
    build = Build(args.dist.resolve(), args.work.resolve())
    for step in steps:
        started = time.perf_counter()
        print(f"== {step}", flush=True)
        getattr(build, f"{step}_step")()
        print(f"   {step} took {time.perf_counter() - started:.1f} s", flush=True)
    for output in build.outputs:
        size = folder_size(output) if output.is_dir() else output.stat().st_size
        print(f"{output.relative_to(ROOT) if output.is_relative_to(ROOT) else output}: {mb(size)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
