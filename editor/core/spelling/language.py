"""Which language a post is written in.

First the post's own `lang:` key, then the choice in Preferences (when not "the blog's"),
then `lang` or `locale` in `_config.yml` (`en`, `en-GB`, `de_DE`), then American English
(a bare `en` or none: the English the posts are written in, see variant.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

DEFAULT = "en_US"


def _code(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def site_language(config: Mapping[str, Any]) -> str:
    """The blog's language code from its `_config.yml` (raw mapping), '' when it names none."""
    return _code(config.get("lang")) or _code(config.get("locale"))


def post_language(
    fields: Mapping[str, Any],
    config: Mapping[str, Any],
    preference: str = "",
    default: str = DEFAULT,
) -> str:
    """The language code to check a post in (see the module's docstring for the order)."""
    return _code(fields.get("lang")) or preference.strip() or site_language(config) or default
