"""The blog's own names (title, author, authors) are words the checker knows."""

from pathlib import Path

from editor.core.site.site_config import SiteConfig, read_config
from editor.core.spelling.word_lists import config_names


def test_title_author_and_authors(tmp_path: Path) -> None:
    (tmp_path / "_config.yml").write_text(
        "title: Field Notes\nauthor: Mara Lindqvist\n"
        "authors:\n  tomas:\n    name: tomas\n    display_name: Tomás Ortega\n",
        encoding="utf-8",
    )
    names = config_names(read_config(tmp_path))
    assert {"Field", "Notes", "Mara", "Lindqvist", "tomas", "Tomás", "Ortega"} <= names


def test_author_as_mapping_or_list_and_odd_values() -> None:
    config = SiteConfig(raw={"author": [{"name": "Ann O’Brien"}, "Zoë", 5, None]})
    assert {"Ann", "O'Brien", "Zoë"} <= config_names(config)
    assert config_names(SiteConfig(raw={"author": {"nick": 3}})) == set()
