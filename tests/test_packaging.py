"""packaging/: what the bundle leaves out, the .deb's layout, the icons, the installer scripts.

The full build (`make package`, a few minutes) is CI's job (.ci/run); these are the quick parts.
"""

from __future__ import annotations

import configparser
import importlib.util
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parent.parent
PACKAGING = REPO / "packaging"


def _load(name: str) -> ModuleType:
    if str(PACKAGING) not in sys.path:
        sys.path.insert(0, str(PACKAGING))  # the modules import each other by name
    spec = importlib.util.spec_from_file_location(name, PACKAGING / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


trim = _load("bundle_trim")
# make_icons renders with QtSvg: the tests that use it take pytest-qt's QApplication (`qapp`)
# so that make_icons does not create a bare QGuiApplication the widget tests could not use.


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6/Qt/plugins/imageformats/libqpdf.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6/Qt/lib/libQt6Qml.so.6",
        "PySide6/Qt/lib/libQt6Pdf.so.6",
        "PySide6/Qt/lib/libQt6WebEngineCore.so.6",
        "PySide6/Qt/lib/libQt63DRender.so.6",
        "PySide6/Qt/lib/libQt6Multimedia.so.6",
        "PySide6/Qt/lib/libQt6Network.so.6",
        "PySide6\\Qt6Quick.dll",
        "PySide6\\plugins\\imageformats\\qpdf.dll",
        "PySide6/Qt/plugins/imageformats/libqpdf.dylib",
        "PySide6\\opengl32sw.dll",
        "PySide6/Qt/lib/QtQuick.framework/Versions/A/QtQuick",
        "PySide6/Qt/lib/QtPdf.framework/Resources/Info.plist",
    ],
)
def test_unused_qt_is_dropped(dest: str) -> None:
    assert trim.is_dropped_binary(dest)


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6\\plugins\\platforms\\qwindows.dll",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "PySide6/Qt/plugins/imageformats/libqgif.so",
        "PySide6/Qt/plugins/imageformats/libqwebp.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/imageformats/libqico.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/plugins/styles/libqmodernwindowsstyle.so",
        "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/lib/libQt6Svg.so.6",
        "PySide6/Qt/lib/libQt6XcbQpa.so.6",
        "PySide6/Qt/lib/libQt6WaylandClient.so.6",
        "PySide6/QtWidgets.abi3.so",
        "PySide6/Qt/lib/QtWidgets.framework/Versions/A/QtWidgets",
        "PySide6/Qt/lib/QtGui.framework/Resources/Info.plist",
    ],
)
def test_what_byline_uses_is_kept(dest: str) -> None:
    assert not trim.is_dropped_binary(dest)


def test_translations_and_qml_data_are_dropped() -> None:
    datas = [
        ("PySide6/Qt/translations/qtbase_de.qm", "/x/qtbase_de.qm", "DATA"),
        ("PySide6/Qt/qml/QtQuick/qmldir", "/x/qmldir", "DATA"),
        ("editor/resources/icons/byline.svg", "/x/byline.svg", "DATA"),
        ("editor/resources/sample-blog/_config.yml", "/x/_config.yml", "DATA"),
    ]
    assert [d[0] for d in trim.trim_datas(datas)] == [
        "editor/resources/icons/byline.svg",
        "editor/resources/sample-blog/_config.yml",
    ]


def test_libraries_nothing_links_to_are_pruned() -> None:
    binaries = [
        ("PySide6/QtWidgets.abi3.so", "/s/QtWidgets.abi3.so", "EXTENSION"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/s/libqxcb.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", "/s/libQt6Widgets.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/s/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "/s/libQt6XcbQpa.so.6", "BINARY"),
        ("libcairo.so.2", "/usr/lib/libcairo.so.2", "BINARY"),  # only the GTK theme used it
        ("libpixman-1.so.0", "/usr/lib/libpixman-1.so.0", "BINARY"),
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
        ("libcairo.so.2.link", "libcairo.so.2", "SYMLINK"),
        ("libpython3.11.so.1.0", "/usr/lib/libpython3.11.so.1.0", "BINARY"),
    ]
    links = {
        "/s/QtWidgets.abi3.so": ["libQt6Widgets.so.6", "libQt6Gui.so.6", "libc.so.6"],
        "/s/libqxcb.so": ["libQt6XcbQpa.so.6"],
        "/s/libQt6XcbQpa.so.6": ["libQt6Gui.so.6"],
        "/usr/lib/libcairo.so.2": ["libpixman-1.so.0"],
    }
    kept = trim.prune_unreachable(binaries, needed=lambda src: links.get(src, []))
    assert [k[0] for k in kept] == [
        "PySide6/QtWidgets.abi3.so",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "PySide6/Qt/lib/libQt6XcbQpa.so.6",
        "libQt6Gui.so.6",
        "libpython3.11.so.1.0",
    ]


def test_pruning_is_linux_only() -> None:
    entries = [("libcairo.so.2", "/usr/lib/libcairo.so.2", "BINARY")]
    assert trim.trim_binaries(entries, platform="darwin") == entries


def test_icons_in_every_hicolor_size(tmp_path: Path, qapp: object) -> None:
    icons = _load("make_icons")
    out = icons.make_icons(tmp_path / "icons", root=tmp_path)  # no resources/icons: placeholder
    from PIL import Image

    for size in icons.SIZES:
        with Image.open(out / "hicolor" / f"{size}x{size}" / "apps" / "byline.png") as png:
            assert png.size == (size, size)
            assert png.getpixel((size // 2, size // 2))[3] == 255  # drawn, not transparent
    assert (out / "hicolor" / "scalable" / "apps" / "byline.svg").is_file()
    with Image.open(out / "byline.ico") as ico:
        assert ico.format == "ICO"
    assert (out / "byline.icns").read_bytes()[:4] == b"icns"


def test_shipped_icons_win_over_the_placeholder(tmp_path: Path, qapp: object) -> None:
    icons = _load("make_icons")
    shipped = tmp_path / "resources" / "icons"
    for size in (16, 22):  # 22: a size the placeholder set does not have
        apps = shipped / "hicolor" / f"{size}x{size}" / "apps"
        apps.mkdir(parents=True)
        icons.render_svg(PACKAGING / "linux" / "byline.svg", size, apps / "x.png")
        (apps / "x.png").rename(apps / "byline.png")
    shutil.copyfile(PACKAGING / "linux" / "byline.svg", shipped / "byline.svg")
    assert icons.source_svg(tmp_path) == shipped / "byline.svg"
    out = icons.make_icons(tmp_path / "out", root=tmp_path)
    for size in (16, 22):
        rel = f"hicolor/{size}x{size}/apps/byline.png"
        assert (out / rel).read_bytes() == (shipped / rel).read_bytes()
    assert (out / "hicolor/512x512/apps/byline.png").is_file()  # the rest still rendered


def test_desktop_entry() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(PACKAGING / "linux" / "byline.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"] == "byline %f"
    assert section["Icon"] == "byline"
    assert section["MimeType"] == "text/markdown;"
    assert section["Terminal"] == "false"
    validate = shutil.which("desktop-file-validate")
    if validate:
        subprocess.run([validate, str(PACKAGING / "linux" / "byline.desktop")], check=True)


@pytest.mark.parametrize("script", ["postinst", "postrm", "byline.sh"])
def test_maintainer_scripts_are_valid_sh(script: str) -> None:
    subprocess.run(["sh", "-n", str(PACKAGING / "linux" / script)], check=True)


def test_deb_layout(tmp_path: Path, qapp: object) -> None:
    deb = _load("make_deb")
    bundle = tmp_path / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "byline").write_text("#!/bin/sh\n")
    (bundle / "byline").chmod(0o700)
    (bundle / "_internal" / "libQt6Core.so.6").write_bytes(b"\0" * 2048)
    icons = _load("make_icons").make_icons(tmp_path / "icons", root=tmp_path)
    root = deb.stage(bundle, icons, tmp_path / "root", "1.2.3", "amd64")
    files = sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())
    assert files == sorted(
        [
            "DEBIAN/control",
            "DEBIAN/postinst",
            "DEBIAN/postrm",
            "opt/byline/byline",
            "opt/byline/_internal/libQt6Core.so.6",
            "usr/bin/byline",
            "usr/share/applications/byline.desktop",
            "usr/share/doc/byline/copyright",
            "usr/share/mime/packages/byline.xml",
            "usr/share/icons/hicolor/scalable/apps/byline.svg",
            *(f"usr/share/icons/hicolor/{n}x{n}/apps/byline.png" for n in (16, 24, 32, 48)),
            *(f"usr/share/icons/hicolor/{n}x{n}/apps/byline.png" for n in (64, 128, 256, 512)),
        ]
    )

    def mode(rel: str) -> int:
        return stat.S_IMODE((root / rel).stat().st_mode)

    assert mode("opt/byline/byline") == 0o755
    assert mode("usr/bin/byline") == 0o755
    assert mode("DEBIAN/postinst") == 0o755
    assert mode("usr/share/applications/byline.desktop") == 0o644
    assert mode("opt/byline/_internal") == 0o755
    control = (root / "DEBIAN" / "control").read_text()
    assert "Package: byline\nVersion: 1.2.3\n" in control
    assert "Architecture: amd64\n" in control
    assert "Installed-Size: " in control


@pytest.mark.skipif(shutil.which("makensis") is None, reason="NSIS is not installed")
def test_nsis_script_compiles(tmp_path: Path) -> None:
    payload = tmp_path / "payload"
    (payload / "_internal").mkdir(parents=True)
    for name in ("byline.exe", "byline-cli.exe", "_internal/x.txt"):
        (payload / name).write_text("placeholder\n")
    out = tmp_path / "byline-0.0.0-installer.exe"
    subprocess.run(
        ["makensis", "-V1", "-WX", "-DVERSION=0.0.0", f"-DPAYLOAD={payload}",
         f"-DOUTFILE={out}", str(PACKAGING / "windows" / "byline.nsi")],
        check=True,
    )  # fmt: skip
    assert out.read_bytes()[:2] == b"MZ"
