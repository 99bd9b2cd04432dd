"""Errors the loader raises for whole-file problems."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class FileRefused(Exception):
    """A file that cannot be loaded at all. The warehouse is left unchanged."""

    path: Path | str
    reason: str
    line: int | None = None
    column: str | None = None
    hint: str = ""

    def __str__(self) -> str:
        where = str(self.path)
        if self.line is not None:
            where += f", line {self.line}"
        if self.column is not None:
            where += f", column '{self.column}'"
        msg = f"{where}: {self.reason}"
        return f"{msg}. {self.hint}" if self.hint else msg
