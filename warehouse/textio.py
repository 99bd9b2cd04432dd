"""Read a CSV or XLSX file into a header plus string rows, with line numbers.

Encoding is detected from the bytes, never from the file name: UTF-8 (with or
without BOM) first, then CP949/EUC-KR. Ragged rows are returned separately so
the caller can quarantine them with their line number.
"""

from __future__ import annotations

import csv
import hashlib
import io
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


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode(path: Path, data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Refuse the file when neither encoding fits."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise _encoding_refusal(path, data, exc.start + 3) from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf_exc:
        try:
            return data.decode("cp949"), "cp949"
        except UnicodeDecodeError as cp_exc:
            # Point at the byte where the likelier encoding (the one that decoded further)
            # failed: a CP949 file with one stray byte fails UTF-8 at its first Hangul.
            offset = max(utf_exc.start, cp_exc.start)
            raise _encoding_refusal(path, data, offset) from utf_exc


def _encoding_refusal(path: Path, data: bytes, offset: int) -> FileRefused:
    line = data.count(b"\n", 0, offset) + 1
    return FileRefused(
        path,
        f"cannot decode byte 0x{data[offset]:02x} at offset {offset}: "
        "the file is neither UTF-8 nor CP949/EUC-KR",
        line=line,
        hint="Re-save it as UTF-8 CSV (Excel: 'CSV UTF-8') or as XLSX and load it again.",
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


def read_table(path: Path) -> RawTable:
    """Read the file at `path`; raises FileRefused for whole-file problems."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FileRefused(path, f"cannot read the file ({exc.strerror})") from exc
    digest = sha256_of(data)
    if not data.strip(b"\xef\xbb\xbf \t\r\n"):
        raise FileRefused(path, "the file is empty", line=1, hint="Download it again.")
    if data.startswith(XLSX_MAGIC):
        return _require_rows(_read_xlsx(path, data, digest))
    text, encoding = decode(path, data)
    return _require_rows(_read_csv_text(path, text, digest, encoding))


def _read_csv_text(path: Path, text: str, digest: str, encoding: str) -> RawTable:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except csv.Error as exc:
        raise FileRefused(path, f"malformed CSV header ({exc})", line=1) from exc
    width = len(header)
    rows: list[list[str]] = []
    lines: list[int] = []
    ragged: list[tuple[int, int]] = []
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
                    ragged.append((start, len(record)))
                    start = reader.line_num + 1
                    continue
            rows.append(record)
            lines.append(start)
            start = reader.line_num + 1
    except csv.Error as exc:
        raise FileRefused(
            path,
            f"the file is truncated or malformed ({exc})",
            line=start,
            hint="Download the file again; it appears cut off inside a quoted cell.",
        ) from exc
    if (
        text
        and not text.endswith(("\n", "\r"))
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
    return RawTable(path, digest, encoding, header, rows, lines, ragged)


def _read_xlsx(path: Path, data: bytes, digest: str) -> RawTable:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for broken zips
        raise FileRefused(path, f"cannot open the XLSX workbook ({exc})") from exc
    sheet = book.worksheets[0]
    # Read-only mode trusts the sheet's <dimension> tag, which some exporters write wrong
    # (e.g. "A1"); every column beyond it would be dropped without a word.
    if hasattr(sheet, "reset_dimensions"):
        sheet.reset_dimensions()
    header: list[str] | None = None
    rows: list[list[str]] = []
    lines: list[int] = []
    ragged: list[tuple[int, int]] = []
    for line_no, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        cells = ["" if v is None else _xlsx_cell(v) for v in values]
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
    if header is None:
        raise FileRefused(path, "the workbook's first sheet is empty", line=1)
    return RawTable(path, digest, "xlsx", header, rows, lines, ragged)


def _xlsx_cell(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
