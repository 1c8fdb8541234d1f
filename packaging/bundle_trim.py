"""What the PyInstaller bundle leaves out: Qt modules, plugins and data Byline never uses.

Used by byline.spec on the Analysis' TOCs (lists of (dest_name, src_name, typecode)).
PyInstaller's Qt hooks collect every plugin of a plugin family, and with it whatever
those plugins link to: the virtual keyboard input plugin pulls QtQuick and QML, the
PDF image-format plugin pulls QtPdf, the GTK platform theme pulls GTK, cairo and pango
from the build machine. We drop those plugins by name, then drop every shared library
that nothing left in the bundle links to.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

Entry = tuple[str, str, str]

# Python modules never imported at run time (PyInstaller then skips their libraries too).
EXCLUDED_MODULES = [
    "tkinter",
    "_tkinter",
    "unittest",
    "pydoc_data",
    # the preview highlights code with pygments; only its image formatter (Pillow's font
    # libraries) is never used
    "pygments.formatters.img",
    "pytest",
    "_pytest",
    "hypothesis",
    "pytestqt",
    "PySide6.QtNetwork",
    "PySide6.QtDBus",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebChannel",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.Qt3DCore",
    "PySide6.Qt3DRender",
    "PySide6.QtCharts",
    "PySide6.QtDataVisualization",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtDesigner",
    "PySide6.QtUiTools",
]

# Qt plugin families Byline has no use for (networking, SQL, embedded, QML tooling, ...).
DROPPED_PLUGIN_DIRS = {
    "tls",
    "networkinformation",
    "qmltooling",
    "qmllint",
    "multimedia",
    "sqldrivers",
    "egldeviceintegrations",  # only for the eglfs platform
    "generic",  # evdev/tuio input for eglfs and linuxfb
    "position",
    "sensors",
    "texttospeech",
    "canbus",
    "geoservices",
    "geometryloaders",
    "sceneparsers",
    "renderers",
    "renderplugins",
    "assetimporters",
    "scxmldatamodel",
    "webview",
    "designer",
    "printsupport",
    "vectorimageformats",
    "wayland-graphics-integration-server",
}

# Single plugins to drop inside families we keep (matched on the name without lib/.so/.dll).
DROPPED_PLUGINS = {
    "platforminputcontexts": {"qtvirtualkeyboardplugin"},  # pulls QtQuick and QML
    "imageformats": {"qpdf", "qtga", "qtiff", "qwbmp", "qicns"},  # qpdf pulls QtPdf
    "platformthemes": {"qgtk3"},  # pulls GTK, cairo, pango from the build machine
    "platforms": {"qeglfs", "qlinuxfb", "qvnc", "qminimalegl", "qvkkhrdisplay"},
    "wayland-graphics-integration-client": {
        "dmabuf-server",
        "drm-egl-server",
        "shm-emulation-server",
        "vulkan-server",
    },
}

# Qt libraries that must never end up in the bundle, whatever links them.
DROPPED_QT_LIBS = re.compile(
    r"Qt6?(WebEngine|WebChannel|WebView|3D|Quick|Qml|VirtualKeyboard|Pdf|Multimedia|Charts"
    r"|DataVisualization|Sql|Network|Designer|Location|Positioning|Sensors|TextToSpeech"
    r"|ShaderTools|SpatialAudio|RemoteObjects|Scxml|StateMachine|Bluetooth|Nfc|SerialPort"
    r"|Test|EglFS|EglFsKms)",
)

# Other files never used by a widgets app: Windows' software OpenGL (20 MB) is only
# loaded for an OpenGL context when the driver has none; Byline's widgets paint in software.
DROPPED_FILES = {"opengl32sw.dll"}


def _posix(name: str) -> PurePosixPath:
    return PurePosixPath(name.replace("\\", "/"))


def plugin_name(file_name: str) -> str:
    """`libqxcb.so` -> `qxcb`, `qwindows.dll` -> `qwindows`, `libqgif.dylib` -> `qgif`."""
    stem = file_name.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def _plugin_family(dest: PurePosixPath) -> str | None:
    """`PySide6/Qt/plugins/platforms/libqxcb.so` -> `platforms`; None outside plugins/."""
    parts = dest.parts
    if "plugins" in parts:
        index = parts.index("plugins")
        if index + 2 < len(parts):
            return parts[index + 1]
    return None


def is_dropped_binary(dest_name: str) -> bool:
    """True for a plugin or Qt library the bundle leaves out (by name alone)."""
    dest = _posix(dest_name)
    family = _plugin_family(dest)
    if family is not None:
        if family in DROPPED_PLUGIN_DIRS:
            return True
        if plugin_name(dest.name) in DROPPED_PLUGINS.get(family, set()):
            return True
    # macOS: every file inside a dropped framework (QtQuick.framework/Versions/A/...) goes too
    frameworks = [p for p in dest.parts[:-1] if p.endswith(".framework")]
    names = [dest.name, *frameworks]
    return dest.name.lower() in DROPPED_FILES or any(DROPPED_QT_LIBS.search(n) for n in names)


def is_dropped_data(dest_name: str) -> bool:
    """Qt's translations (Byline is not translated), QML files, and the dropped plugins' files."""
    dest = _posix(dest_name)
    parts = dest.parts
    if "translations" in parts and "Qt" in parts:
        return True
    if "qml" in parts and "Qt" in parts:
        return True
    return is_dropped_binary(dest_name)


def _is_library(dest: PurePosixPath) -> bool:
    """A shared library other code links to (not a plugin, not a Python extension)."""
    name = dest.name
    if "plugins" in dest.parts or name.startswith("libpython"):
        return False
    if ".cpython-" in name or (".abi3." in name and not name.startswith("lib")):
        return False
    return name.startswith("lib") and ".so" in name


def _needed_by(src: str) -> set[str]:
    from PyInstaller.depend import bindepend  # only available inside a PyInstaller run

    return {PurePosixPath(name).name for name, _path in bindepend.get_imports(src)}


def prune_unreachable(
    binaries: list[Entry], needed: Callable[[str], Iterable[str]] | None = None
) -> list[Entry]:
    """Drop every shared library no kept binary links to, directly or through others.

    Roots are the Python extensions, Qt plugins and libpython (loaded by the bootloader);
    a library stays when a root needs it. Linux only: there `ldd` lists every dependency.
    """
    needed = needed or _needed_by
    by_name: dict[str, list[Entry]] = {}
    roots: list[Entry] = []
    for entry in binaries:
        dest = _posix(entry[0])
        if entry[2] != "SYMLINK" and not _is_library(dest):
            roots.append(entry)
        by_name.setdefault(dest.name, []).append(entry)
    reachable: set[str] = set()
    todo = [e[1] for e in roots]
    while todo:
        src = todo.pop()
        for name in needed(src):
            if name in reachable or name not in by_name:
                continue
            reachable.add(name)
            todo.extend(e[1] for e in by_name[name] if e[2] != "SYMLINK")
    kept = []
    for entry in binaries:
        dest = _posix(entry[0])
        if (entry[2] == "SYMLINK" or _is_library(dest)) and dest.name not in reachable:
            continue
        kept.append(entry)
    return kept


def trim_binaries(binaries: Iterable[Entry], platform: str = sys.platform) -> list[Entry]:
    kept = [e for e in binaries if not is_dropped_binary(e[0])]
    if platform.startswith("linux"):
        kept = prune_unreachable(kept)
    return kept


def trim_datas(datas: Iterable[Entry]) -> list[Entry]:
    return [e for e in datas if not is_dropped_data(e[0])]
