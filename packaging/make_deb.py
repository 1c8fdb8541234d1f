"""The Debian package: the bundle under /opt/byline, a launcher, menu entry, icons, .md type.

Built with `dpkg-deb` alone (xz compressed, no network). Removing the package removes
every file it installed; postinst/postrm refresh the desktop's caches when the tools exist.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
LINUX = HERE / "linux"
ROOT = HERE.parent

# What the bundle takes from the system rather than carrying itself (PyInstaller leaves
# out libc, OpenGL/EGL and Wayland's client libraries on purpose: they must match the
# machine's drivers and compositor).
DEPENDS = (
    "libc6 (>= 2.31)",
    "libgl1",
    "libegl1",
    "libxcb1",
    "libwayland-client0",
    "libwayland-cursor0",
    "libwayland-egl1",
)
RECOMMENDS = ("desktop-file-utils", "shared-mime-info", "hicolor-icon-theme")


def deb_arch() -> str:
    return subprocess.run(
        ["dpkg", "--print-architecture"], check=True, capture_output=True, text=True
    ).stdout.strip()


def control_text(version: str, arch: str, installed_kb: int) -> str:
    return (
        "Package: byline\n"
        f"Version: {version}\n"
        "Section: editors\n"
        "Priority: optional\n"
        f"Architecture: {arch}\n"
        f"Installed-Size: {installed_kb}\n"
        f"Depends: {', '.join(DEPENDS)}\n"
        f"Recommends: {', '.join(RECOMMENDS)}\n"
        "Maintainer: Byline developers <byline@localhost>\n"
        "Description: desktop editor for the posts of a Jekyll blog\n"
        " Byline edits a Jekyll blog's posts in one window: the post list, a form\n"
        " for the front matter beside a Markdown pane, and a live preview. It saves\n"
        " posts in the blog's own format and never uses the network.\n"
    )


def _copy(src: Path, dest: Path, mode: int = 0o644) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest)
    dest.chmod(mode)


def _normalise_modes(tree: Path) -> None:
    """Folders 755, files 644, executables 755: what dpkg expects, whatever the umask was."""
    for path in [tree, *tree.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            path.chmod(0o755 if path.stat().st_mode & 0o111 else 0o644)


def _size_kb(tree: Path) -> int:
    total = 0
    for path in tree.rglob("*"):
        if not path.is_symlink() and path.is_file():
            total += (path.stat().st_size + 1023) // 1024
    return total


def stage(bundle: Path, icons: Path, staging: Path, version: str, arch: str) -> Path:
    """Lay out the package's files under `staging` (which is emptied first)."""
    shutil.rmtree(staging, ignore_errors=True)
    opt = staging / "opt" / "byline"
    shutil.copytree(bundle, opt, symlinks=True)
    share = staging / "usr" / "share"
    _copy(LINUX / "byline.sh", staging / "usr" / "bin" / "byline", 0o755)
    _copy(LINUX / "byline.desktop", share / "applications" / "byline.desktop")
    _copy(LINUX / "byline-mime.xml", share / "mime" / "packages" / "byline.xml")
    for png in sorted((icons / "hicolor").rglob("byline.*")):
        _copy(png, share / "icons" / png.relative_to(icons))
    _copy(ROOT / "LICENSE", share / "doc" / "byline" / "copyright")
    _normalise_modes(staging)
    debian = staging / "DEBIAN"
    debian.mkdir()
    debian.chmod(0o755)
    (debian / "control").write_text(
        control_text(version, arch, _size_kb(staging)), encoding="utf-8"
    )
    for script in ("postinst", "postrm"):
        _copy(LINUX / script, debian / script, 0o755)
    return staging


def build_deb(bundle: Path, icons: Path, work: Path, out_dir: Path, version: str) -> Path:
    arch = deb_arch()
    staging = stage(bundle, icons, work / "deb-root", version, arch)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"byline_{version}_{arch}.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "-z6", "--build", str(staging), str(target)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return target
