"""The one error family the core raises: readable, with a file, line and column when known."""

from __future__ import annotations


class BylineError(Exception):
    """Base of every error the core reports to an author."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path
        if self.line is not None:
            where += f":{self.line}" if where else f"line {self.line}"
            if self.column is not None:
                where += f":{self.column}"
        if self.path and self.line is None and self.path in self.message:
            return self.message  # the message names the file already: say it once
        return f"{where}: {self.message}" if where else self.message

    def with_path(self, path: str) -> BylineError:
        self.path = path
        return self


class PostFormatError(BylineError):
    """The text is not a post this editor can show in its form (it can still be edited raw)."""


class YamlSyntaxError(PostFormatError):
    """Front matter that YAML cannot read."""


class UnsafeYamlError(PostFormatError):
    """Front matter using tags or alias tricks we refuse to load."""


class NotAMappingError(PostFormatError):
    """Front matter that is a list or a scalar instead of `key: value` lines."""


class InvalidDateError(PostFormatError):
    """A `date` that is not a date (or not a real day, like 2025-02-30)."""


class EncodingError(PostFormatError):
    """A file that is not UTF-8 text."""


class SiteError(BylineError):
    """A folder that is not a Jekyll site, or a site we cannot read."""


class StorageError(BylineError):
    """A file that could not be written; the old file is intact."""


class ReadOnlyError(StorageError):
    """A post, or the folder it lives in, that may not be written."""


class DiskFullError(StorageError):
    """No space left (or quota exceeded) while writing; the old file is intact."""


class NameTakenError(StorageError):
    """A new file would replace one that already exists."""


class OutsideSiteError(StorageError):
    """A write that would land outside the site's folder."""


class ConflictError(StorageError):
    """The file changed on disk since it was opened; saving would overwrite someone's work."""


class FileTooLargeError(PostFormatError):
    """A file far larger than any post, refused before it is read into the editor."""
