"""CI's check of what `make package` built on Linux; exits 1 with a reason when anything is off.

- the bundle answers `--version` and passes `--self-test` (offscreen), on the bundled
  sample blog when resources/ has one;
- with Xvfb installed, the self-test also passes on a real X server (the xcb plugin);
- the .tar.gz unpacks and the unpacked program answers `--version`;
- the .deb, unpacked with `dpkg -x` into a temporary root, holds the launcher, the menu
  entry, the icons, the .md type and /opt/byline/byline, and runs from there;
- installed with `dpkg --root` into an empty root and purged again, it leaves nothing behind;
- sizes stay within the targets (bundle <= 160 MB, .deb <= 50 MB).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from build import folder_size, version  # noqa: E402

BUNDLE_LIMIT = 160_000_000
DEB_LIMIT = 50_000_000
DEB_FILES = (
    "opt/byline/byline",
    "usr/bin/byline",
    "usr/share/applications/byline.desktop",
    "usr/share/icons/hicolor/48x48/apps/byline.png",
    "usr/share/icons/hicolor/256x256/apps/byline.png",
    "usr/share/icons/hicolor/scalable/apps/byline.svg",
    "usr/share/mime/packages/byline.xml",
    "usr/share/doc/byline/copyright",
)


class CheckFailed(Exception):
    pass


def run(cmd: list[str], platform: str = "offscreen", **kwargs: object) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM=platform)
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, **kwargs)  # type: ignore[call-overload]
    if done.returncode != 0:
        raise CheckFailed(f"{' '.join(cmd)} exited {done.returncode}:\n{done.stdout}{done.stderr}")
    return str(done.stdout)


def check_version(program: Path) -> None:
    out = run([str(program), "--version"]).strip()
    if out != f"byline {version()}":
        raise CheckFailed(f"{program} --version said {out!r}")


def check_bundle(dist: Path) -> str:
    bundle = dist / "byline"
    check_version(bundle / "byline")
    out = run([str(bundle / "byline"), "--self-test"])
    if "self-test passed" not in out:
        raise CheckFailed(f"self-test did not pass:\n{out}")
    # the self-test makes do without a sample blog; a bundle that lost it must not pass here
    if (ROOT / "resources" / "sample-blog").is_dir() and "sample blog: copy of" not in out:
        raise CheckFailed(f"the bundle has no sample blog, resources/ has one:\n{out}")
    size = folder_size(bundle)
    if size > BUNDLE_LIMIT:
        raise CheckFailed(f"the bundle is {size / 1e6:.1f} MB (limit {BUNDLE_LIMIT / 1e6:.0f})")
    return f"bundle {size / 1e6:.1f} MB, --version and --self-test pass"


def check_xcb(dist: Path) -> str:
    xvfb_run = shutil.which("xvfb-run")
    if xvfb_run is None:
        return "skipped the X11 self-test: xvfb-run is not installed"
    out = run([xvfb_run, "-a", str(dist / "byline" / "byline"), "--self-test"], platform="xcb")
    if "ok   start Qt: platform xcb" not in out or "self-test passed" not in out:
        raise CheckFailed(f"self-test on X11 did not pass:\n{out}")
    return "self-test passes on X11 (Xvfb, xcb plugin)"


def check_tarball(dist: Path, tmp: Path) -> str:
    [tarball] = dist.glob(f"byline-{version()}-linux-*.tar.gz")
    with tarfile.open(tarball) as tar:
        tar.extractall(tmp / "tar", filter="tar")
    check_version(tmp / "tar" / f"byline-{version()}" / "byline")
    return f"{tarball.name} unpacks and runs"


def check_deb_files(deb: Path, tmp: Path) -> str:
    root = tmp / "deb-x"
    run(["dpkg-deb", "-x", str(deb), str(root)])
    missing = [f for f in DEB_FILES if not (root / f).is_file()]
    if missing:
        raise CheckFailed(f"{deb.name} lacks {', '.join(missing)}")
    launcher = (root / "usr/bin/byline").read_text(encoding="utf-8")
    if "/opt/byline/byline" not in launcher or not os.access(root / "usr/bin/byline", os.X_OK):
        raise CheckFailed("usr/bin/byline does not start /opt/byline/byline")
    desktop = (root / "usr/share/applications/byline.desktop").read_text(encoding="utf-8")
    for line in ("Exec=byline %f", "Icon=byline", "MimeType=text/markdown;"):
        if line not in desktop.splitlines():
            raise CheckFailed(f"byline.desktop lacks {line!r}")
    check_version(root / "opt/byline/byline")
    size = deb.stat().st_size
    if size > DEB_LIMIT:
        raise CheckFailed(f"{deb.name} is {size / 1e6:.1f} MB (limit {DEB_LIMIT / 1e6:.0f})")
    return f"{deb.name} {size / 1e6:.1f} MB holds launcher, menu entry, icons, .md type"


def check_deb_install(deb: Path, tmp: Path) -> str:
    """dpkg -i then dpkg -P into an empty root: every file goes, nothing is left behind."""
    root = tmp / "deb-root"
    admin = root / "var" / "lib" / "dpkg"
    (admin / "info").mkdir(parents=True)
    (admin / "updates").mkdir()
    (admin / "status").touch()
    dpkg = ["dpkg", f"--root={root}", "--force-script-chrootless", "--log=/dev/null"]
    if os.geteuid() != 0:
        dpkg.append("--force-not-root")
    run([*dpkg, "--force-depends", "-i", str(deb)])
    if not (root / "opt/byline/byline").is_file():
        raise CheckFailed("dpkg -i did not install /opt/byline/byline")
    run([*dpkg, "-P", "byline"])
    left = sorted(
        str(p.relative_to(root))
        for p in root.rglob("*")
        if not p.is_relative_to(root / "var") and not p.is_dir()
    )
    if left:
        raise CheckFailed(f"after dpkg -P these remain: {', '.join(left[:10])}")
    return "dpkg -i / dpkg -P into a temporary root leaves nothing behind"


def main() -> int:
    dist = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist"
    [deb] = dist.glob(f"byline_{version()}_*.deb")
    with tempfile.TemporaryDirectory(prefix="byline-check-") as name:
        tmp = Path(name)
        checks = [
            lambda: check_bundle(dist),
            lambda: check_xcb(dist),
            lambda: check_tarball(dist, tmp),
            lambda: check_deb_files(deb, tmp),
            lambda: check_deb_install(deb, tmp),
        ]
        for check in checks:
            try:
                print(f"ok   {check()}", flush=True)
            except CheckFailed as exc:
                print(f"FAIL {exc}", flush=True)
                return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
