"""Read a CSV or XLSX file into a header plus string rows, with line numbers.

Encoding is detected from the bytes, never from the file name: UTF-8 (with or
without BOM) first, then CP949/EUC-KR, or the encoding given with `--encoding`
for files that are not UTF-8. A CP949 guess that yields implausible text
(`check_plausible_text`) is refused, asking for `--encoding`. Ragged rows are
returned separately so the caller can quarantine them with their line number.

XLSX cells are read as Excel last computed them: a formula cell without a
computed (cached) value refuses the file; a formula whose value is text is read
as its formula, so that a label column never takes a formula's result as a name.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import hashlib
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from warehouse.errors import FileRefused

XLSX_MAGIC = b"PK\x03\x04"


@dataclass
class RawTable:
    """A file's header and rows as text. `lines[i]` is the 1-based line of `rows[i]`."""

    path: Path
    sha256: str
    encoding: str
    header: list[str]
    rows: list[list[str]]
    lines: list[int]
    ragged: list[tuple[int, int]] = field(default_factory=list)  # (line, n_fields)

    @property
    def n_columns(self) -> int:
        return len(self.header)

    def chunks(self, size: int = 50_000) -> Iterator[RawTable]:
        """This table in RawTables of at most `size` rows (all ragged rows in the first)."""
        if len(self.rows) <= size:
            yield self
            return
        for start in range(0, len(self.rows), size):
            yield RawTable(
                self.path,
                self.sha256,
                self.encoding,
                self.header,
                self.rows[start : start + size],
                self.lines[start : start + size],
                self.ragged if start == 0 else [],
            )


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check_encoding_name(name: str) -> str:
    """The codec name Python knows `name` by; ValueError when there is none."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise ValueError(f"unknown encoding '{name}'; e.g. latin-1, cp1252, cp949") from None


def decode(path: Path, data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Return (text, encoding name). Refuse the file when no encoding fits.

    `encoding` replaces the CP949 guess for files that are not UTF-8.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise _encoding_refusal(path, data, exc.start + 3) from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf_exc:
        if encoding is not None:
            try:
                return data.decode(encoding), check_encoding_name(encoding)
            except UnicodeDecodeError as exc:
                raise _encoding_refusal(path, data, exc.start, encoding) from exc
        try:
            return data.decode("cp949"), "cp949"
        except UnicodeDecodeError as cp_exc:
            # Point at the byte where the likelier encoding (the one that decoded further)
            # failed: a CP949 file with one stray byte fails UTF-8 at its first Hangul.
            offset = max(utf_exc.start, cp_exc.start)
            raise _encoding_refusal(path, data, offset) from utf_exc


def _encoding_refusal(
    path: Path, data: bytes, offset: int, encoding: str | None = None
) -> FileRefused:
    line = data.count(b"\n", 0, offset) + 1
    tried = f"UTF-8 nor {encoding}" if encoding else "UTF-8 nor CP949/EUC-KR"
    return FileRefused(
        path,
        f"cannot decode byte 0x{data[offset]:02x} at offset {offset}: the file is neither {tried}",
        line=line,
        hint="Re-save it as UTF-8 CSV (Excel: 'CSV UTF-8') or as XLSX and load it again, "
        "or pass `--encoding latin-1` (or the file's encoding)",
    )


_HANGUL = "\uac00-\ud7a3\u3131-\u318e"
_HANJA = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD = re.compile(r"[^\s()\[\],./\-:;&+_'\"#*!?|]+")
_SCRIPTS = {
    "Hangul": re.compile(f"[{_HANGUL}]"),
    "Hanja": re.compile(f"[{_HANJA}]"),
    "Latin": re.compile(r"[A-Za-z\u00c0-\u024f]"),
}


def implausible_word(text: str) -> str | None:
    """The first word of `text` that mixes scripts (Hangul, Hanja, Latin), else None."""
    for word in _WORD.findall(text):
        if sum(1 for script in _SCRIPTS.values() if script.search(word)) > 1:
            return word
    return None


def check_plausible_text(table: RawTable, latin_columns: Iterable[int] = ()) -> None:
    """Refuse a CP949 guess that reads like another encoding decoded as CP949.

    Latin-1 text decoded as CP949 turns accented letters into Hangul and Hanja
    (`ÀÉÔÜ (CN7)` -> `읠胴 (CN7)`): a word that mixes scripts, or Hangul in a
    column that is Latin in every known format (`latin_columns`), is refused.
    Only guessed CP949 is checked: UTF-8 and an explicit `--encoding` are trusted.
    """
    if table.encoding != "cp949":
        return
    latin = set(latin_columns)
    hangul = _SCRIPTS["Hangul"]
    for cell in table.header:
        if implausible_word(cell):
            raise _implausible(table, 1, cell, f"header cell '{cell}' mixes scripts")
    for line, row in zip(table.lines, table.rows, strict=True):
        for col, cell in enumerate(row):
            if cell.isascii():  # ASCII has one script (Latin) and no Hangul: nothing to refuse
                continue
            word = implausible_word(cell)
            if word is not None:
                raise _implausible(
                    table, line, table.header[col], f"'{cell}' mixes scripts in one word ({word})"
                )
            if col in latin and hangul.search(cell):
                raise _implausible(
                    table,
                    line,
                    table.header[col],
                    f"'{cell}' has Hangul in a column that is Latin in every known format",
                )


def _implausible(table: RawTable, line: int, column: str, what: str) -> FileRefused:
    return FileRefused(
        table.path,
        f"read as CP949, {what}: the file is probably in another encoding",
        line=line,
        column=column.strip(),
        hint="If it was saved as Latin-1 or Windows-1252, pass `--encoding latin-1` "
        "(or cp1252); if it is CP949, re-save it as UTF-8",
    )


def _require_rows(table: RawTable) -> RawTable:
    if not table.rows and not table.ragged:
        raise FileRefused(
            table.path,
            "the file has a header row but no data rows",
            line=2,
            hint="Download the file again; a complete download has data rows.",
        )
    return table


CHUNK_ROWS = 50_000  # rows per chunk of a streamed file


@dataclass
class TableSource:
    """A file opened for reading in chunks: its header now, its rows chunk by chunk.

    CSV rows are decoded and parsed as they are read, so a large file never sits
    in memory as text or as Python rows; every call of `chunks` reads the file
    again from the start (a second pass costs a re-read, not memory). XLSX
    workbooks are read whole (Excel caps a sheet at about a million rows).
    """

    path: Path
    sha256: str
    encoding: str
    header: list[str]
    whole: RawTable | None = None  # XLSX: the whole table
    ends_with_newline: bool = True
    # guessed CP949: every chunk is checked by `check_plausible_text` with these Latin
    # columns as it is read (`check_text`), so the check needs no pass of its own
    plausibility: list[int] | None = None

    @property
    def n_columns(self) -> int:
        return len(self.header)

    def chunks(self, size: int = CHUNK_ROWS) -> Iterator[RawTable]:
        """The rows as RawTables of at most `size` rows (ragged rows ride along)."""
        if self.whole is not None:
            yield from self.whole.chunks(size)
            return
        seen_rows = False
        for chunk in _csv_chunks(self, size):
            seen_rows = seen_rows or bool(chunk.rows or chunk.ragged)
            if self.plausibility is not None:
                check_plausible_text(chunk, self.plausibility)
            yield chunk
        if not seen_rows:
            _require_rows(RawTable(self.path, self.sha256, self.encoding, self.header, [], []))

    def check_text(self, latin_columns: Iterable[int]) -> None:
        """Check a guessed CP949 text (`check_plausible_text`) chunk by chunk, as every later
        pass over the rows reads them; the header is checked now."""
        if self.encoding != "cp949":
            return
        self.plausibility = list(latin_columns)
        check_plausible_text(
            RawTable(self.path, self.sha256, self.encoding, self.header, [], []), []
        )

    def read_all(self) -> RawTable:
        """Every row in one RawTable (small files and tests)."""
        parts = list(self.chunks(size=1 << 62))
        if len(parts) == 1:
            return parts[0]
        table = RawTable(self.path, self.sha256, self.encoding, self.header, [], [])
        for part in parts:
            table.rows += part.rows
            table.lines += part.lines
            table.ragged += part.ragged
        return table


def open_table(path: Path, encoding: str | None = None) -> TableSource:
    """Open the file at `path` for chunked reading; raises FileRefused for whole-file problems.

    The encoding is decided from all the bytes first (UTF-8, else CP949 or
    `encoding`); the rows are then decoded as they are read.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FileRefused(path, f"cannot read the file ({exc.strerror})") from exc
    digest = sha256_of(data)
    if not data.strip(b"\xef\xbb\xbf \t\r\n"):
        raise FileRefused(path, "the file is empty", line=1, hint="Download it again.")
    if data.startswith(XLSX_MAGIC):
        table = _require_rows(_read_xlsx(path, data, digest))
        return TableSource(path, digest, table.encoding, table.header, table)
    text, used = decode(path, data, encoding)
    del text
    ends = data.endswith((b"\n", b"\r"))
    del data
    source = TableSource(path, digest, used, [], None, ends)
    with _csv_handle(source) as handle:
        try:
            source.header = next(csv.reader(handle, strict=True))
        except csv.Error as exc:
            raise FileRefused(path, f"malformed CSV header ({exc})", line=1) from exc
    return source


def read_table(path: Path, encoding: str | None = None) -> RawTable:
    """Read the whole file at `path` into one RawTable; see `open_table`."""
    return open_table(path, encoding).read_all()


@contextlib.contextmanager
def _csv_handle(source: TableSource) -> Iterator[io.TextIOWrapper]:
    with open(source.path, "rb") as raw:
        # utf-8-sig drops the BOM that the first header cell would otherwise start with
        handle = io.TextIOWrapper(raw, encoding=source.encoding, newline="")
        try:
            yield handle
        finally:
            handle.detach()


def _csv_chunks(source: TableSource, size: int) -> Iterator[RawTable]:
    path, width = source.path, source.n_columns

    def chunk() -> RawTable:
        return RawTable(path, source.sha256, source.encoding, source.header, [], [])

    with _csv_handle(source) as handle:
        reader = csv.reader(handle, strict=True)
        next(reader)
        current = chunk()
        start = reader.line_num + 1
        try:
            for record in reader:
                if not record or all(not cell.strip() for cell in record):
                    start = reader.line_num + 1
                    continue
                if len(record) != width:
                    # Trailing empty cells beyond the header are harmless padding.
                    if len(record) > width and not any(c.strip() for c in record[width:]):
                        record = record[:width]
                    else:
                        current.ragged.append((start, len(record)))
                        start = reader.line_num + 1
                        continue
                current.rows.append(record)
                current.lines.append(start)
                start = reader.line_num + 1
                if len(current.rows) >= size:
                    yield current
                    current = chunk()
        except csv.Error as exc:
            raise FileRefused(
                path,
                f"the file is truncated or malformed ({exc})",
                line=start,
                hint="Download the file again; it appears cut off inside a quoted cell.",
            ) from exc
    ragged = current.ragged
    if (
        not source.ends_with_newline
        and ragged
        and ragged[-1][0] == start - 1
        and ragged[-1][1] < width
    ):
        # A short last row with no line end is a download cut off mid-row, not one bad row:
        # loading it would silently leave out every row after the cut.
        line, n_fields = ragged[-1]
        raise FileRefused(
            path,
            f"the file is truncated: its last line has {n_fields} of the header's {width} fields",
            line=line,
            hint="Download the file again; it appears cut off in the middle of a row.",
        )
    yield current


def _read_xlsx(path: Path, data: bytes, digest: str) -> RawTable:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        formulas = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many types for broken zips
        raise FileRefused(path, f"cannot open the XLSX workbook ({exc})") from exc
    sheet = book.worksheets[0]
    formula_sheet = formulas.worksheets[0]
    # Read-only mode trusts the sheet's <dimension> tag, which some exporters write wrong
    # (e.g. "A1"); every column beyond it would be dropped without a word.
    for ws in (sheet, formula_sheet):
        if hasattr(ws, "reset_dimensions"):
            ws.reset_dimensions()
    header: list[str] | None = None
    rows: list[list[str]] = []
    lines: list[int] = []
    ragged: list[tuple[int, int]] = []
    pairs = zip(
        sheet.iter_rows(values_only=True), formula_sheet.iter_rows(values_only=True), strict=False
    )
    for line_no, (values, written) in enumerate(pairs, start=1):
        cells = [
            _xlsx_value(path, sheet.title, line_no, i, v, f, header)
            for i, (v, f) in enumerate(zip(values, written, strict=False))
        ]
        while cells and cells[-1] == "" and (header is None or len(cells) > len(header)):
            cells.pop()
        if header is None:
            if any(c.strip() for c in cells):
                header = cells
            continue
        if not any(c.strip() for c in cells):
            continue
        cells += [""] * (len(header) - len(cells))
        if len(cells) != len(header):
            ragged.append((line_no, len(cells)))
            continue
        rows.append(cells)
        lines.append(line_no)
    book.close()
    formulas.close()
    if header is None:
        raise FileRefused(path, "the workbook's first sheet is empty", line=1)
    return RawTable(path, digest, "xlsx", header, rows, lines, ragged)


def _xlsx_value(
    path: Path,
    sheet: str,
    line: int,
    col: int,
    value: object,
    written: object,
    header: list[str] | None,
) -> str:
    """A cell as text: its cached value; a text formula as its formula (never a label)."""
    if isinstance(written, str) and written.startswith("="):
        if value is None:
            from openpyxl.utils import get_column_letter

            cell = f"{get_column_letter(col + 1)}{line}"
            raise FileRefused(
                path,
                f"sheet '{sheet}', cell {cell} holds the formula {written} without a computed "
                "value (a script wrote the workbook and no spreadsheet program calculated it)",
                line=line,
                column=header[col].strip() if header and col < len(header) else None,
                hint="Open and save it in Excel (or LibreOffice), or export it as CSV",
            )
        if isinstance(value, str):
            return written
    return "" if value is None else _xlsx_cell(value)


def _xlsx_cell(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
