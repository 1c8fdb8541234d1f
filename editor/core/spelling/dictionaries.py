"""Which Hunspell dictionaries there are, and which one a language code means.

Byline ships en_US, en_GB, de_DE, fr_FR and es_ES (resources/spelling/, licences beside
them); dictionaries the system has (`/usr/share/hunspell` and friends on Linux, the
user's Library/Spelling on macOS) and any the user drops into Byline's data folder
(`spelling/dictionaries/`) are offered too. A shipped dictionary wins over a system one
of the same name, so that checking is the same on every machine.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from editor.core.errors import BylineError
from editor.core.paths import data_dir
from editor.resources import resource_path

SHIPPED = ("en_US", "en_GB", "de_DE", "fr_FR", "es_ES")
# a bare language means its usual country
_USUAL = {"en": "en_US", "de": "de_DE", "fr": "fr_FR", "es": "es_ES", "pt": "pt_PT",
          "it": "it_IT", "nl": "nl_NL", "sv": "sv_SE", "da": "da_DK", "nb": "nb_NO",
          "pl": "pl_PL", "ru": "ru_RU", "cs": "cs_CZ"}  # fmt: skip
_CODE = re.compile(r"^([A-Za-z]{2,3})(?:[-_]([A-Za-z]{2}|\d{3}))?(?:[-_.@].*)?$")


class UnknownLanguage(BylineError):
    """No dictionary for a language code."""


@dataclass(frozen=True)
class DictionaryFile:
    name: str  # en_US
    folder: Path  # holds name.aff and name.dic
    shipped: bool

    @property
    def aff(self) -> Path:
        return self.folder / f"{self.name}.aff"

    @property
    def dic(self) -> Path:
        return self.folder / f"{self.name}.dic"

    @property
    def freq(self) -> Path:
        """The commonest words, commonest first (shipped ones only; may be missing)."""
        return self.folder / f"{self.name}.freq"


def shipped_folder() -> Path:
    return resource_path("spelling")


def system_folders() -> list[Path]:
    home = Path(os.path.expanduser("~"))
    folders = [data_dir() / "spelling" / "dictionaries"]
    if sys.platform == "darwin":
        folders += [home / "Library" / "Spelling", Path("/Library/Spelling")]
    elif os.name != "nt":
        folders += [Path("/usr/share/hunspell"), Path("/usr/share/myspell"),
                    Path("/usr/share/myspell/dicts"), home / ".local/share/hunspell"]  # fmt: skip
    return folders


def available(extra: list[Path] | None = None) -> dict[str, DictionaryFile]:
    """Every dictionary found, by name (en_US); shipped ones first and winning."""
    found: dict[str, DictionaryFile] = {}
    ship = shipped_folder()
    for name in SHIPPED:
        if (ship / f"{name}.aff").is_file():
            found[name] = DictionaryFile(name, ship, True)
    for folder in (extra or []) + system_folders():
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            continue
        for file in names:
            name = file[:-4]
            if file.endswith(".dic") and name not in found and (folder / f"{name}.aff").is_file():
                found[name] = DictionaryFile(name, folder, False)
    return found


def normalise(code: str) -> str:
    """`en-gb` -> `en_GB`, `de` -> `de`, `fr_FR.UTF-8` -> `fr_FR`; '' when not a code."""
    m = _CODE.match(code.strip())
    if not m:
        return ""
    lang, region = m.group(1).lower(), m.group(2)
    return f"{lang}_{region.upper()}" if region else lang


def resolve(code: str, found: dict[str, DictionaryFile] | None = None) -> DictionaryFile:
    """The dictionary for a language code (`en`, `en-GB`, `de_DE`); UnknownLanguage if none."""
    found = available() if found is None else found
    name = normalise(code)
    if not name:
        raise UnknownLanguage(f"'{code}' is not a language code (like en, en-GB or de_DE)")
    if name in found:
        return found[name]
    lang = name.split("_")[0]
    usual = _USUAL.get(lang, "")
    if usual in found:
        return found[usual]
    same_lang = sorted(n for n in found if n.split("_")[0] == lang)
    if same_lang:
        return found[same_lang[0]]
    known = ", ".join(sorted(found)) or "none"
    raise UnknownLanguage(f"no spelling dictionary for '{code}' (there are: {known})")
