"""The report's tables as an XLSX workbook: one sheet per table, with formats.

Text cells go through `warehouse.export.safe_cell` (formula-like text gets a
leading `'`) and are written with `write_string`; numbers are written as numbers.
The workbook is also told never to turn strings into formulas, numbers or links.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import xlsxwriter

from app.i18n import t
from app.report.tables import Table, header, labelled
from warehouse.export import safe_cell

MAX_WIDTH = 60


def _sheet_name(key: str, lang: str, used: set[str]) -> str:
    name = t(f"report.sheet.{key}", lang)
    for bad in "[]:*?/\\":
        name = name.replace(bad, " ")
    name = name[:31]
    while name in used:
        name = name[:29] + f"_{len(used)}"
    used.add(name)
    return name


def write_xlsx(tables: list[Table], path: Path, *, lang: str, title: str) -> Path:
    """One sheet per table (its name from report.sheet.<key>), header row frozen."""
    workbook = xlsxwriter.Workbook(
        str(path),
        {"strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False},
    )
    workbook.set_properties({"title": title})
    head = workbook.add_format(
        {"bold": True, "bg_color": "#F1F3F5", "border": 1, "text_wrap": True}
    )
    formats = {
        "int": workbook.add_format({"num_format": "#,##0"}),
        "float": workbook.add_format({"num_format": "#,##0.00"}),
        "pct": workbook.add_format({"num_format": "0.0%"}),
        "text": workbook.add_format({}),
    }
    used: set[str] = set()
    for table in tables:
        sheet = workbook.add_worksheet(_sheet_name(table.key, lang, used))
        frame = labelled(table.frame, lang)
        if frame.width == 0:
            sheet.write_string(0, 0, t("empty", lang))
            continue
        widths = []
        for col, name in enumerate(frame.columns):
            label = header(name, lang)
            sheet.write_string(0, col, str(safe_cell(label)), head)
            widths.append(len(label) + 2)
        kinds = [_kind(name, dtype, table) for name, dtype in frame.schema.items()]
        for r, row in enumerate(frame.iter_rows(), start=1):
            for col, value in enumerate(row):
                _write(sheet, r, col, value, formats[kinds[col]])
                widths[col] = max(widths[col], min(len(str(value)) + 2, MAX_WIDTH))
        for col, width in enumerate(widths):
            sheet.set_column(col, col, min(width * 1.3, MAX_WIDTH))
        sheet.freeze_panes(1, 0)
        if frame.height:
            sheet.autofilter(0, 0, frame.height, frame.width - 1)
        else:
            sheet.write_string(1, 0, t("empty", lang))
    workbook.close()
    return path


def _kind(name: str, dtype: Any, table: Table) -> str:
    if name in table.fractions and dtype.is_numeric():
        return "pct"
    if dtype.is_integer():
        return "int"
    if dtype.is_float():
        return "float"
    return "text"


def _write(sheet: Any, row: int, col: int, value: Any, fmt: Any) -> None:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        sheet.write_blank(row, col, None, fmt)
    elif isinstance(value, bool):
        sheet.write_boolean(row, col, value)
    elif isinstance(value, int | float):
        sheet.write_number(row, col, value, fmt)
    else:
        sheet.write_string(row, col, str(safe_cell(str(value))), fmt)
