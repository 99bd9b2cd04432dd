"""Every page reads in one language: in English no Korean, in Korean no English, except
data values (model and brand names, file names, ids, codes) and a short list of
abbreviations both languages use (before: English mode showed the Korean tab title,
personas '40대 · 실속형', segment names and chart labels; Korean mode the AG Grid pager
'1 to 20 of 1,900', market names 'Middle East/Africa', M/F and true/false).

Pages come from the app's page registry (`page_paths`). Text is what a user meets: the
visible text, the tab title, and the names and hints screen readers and tooltips give
(aria-label, title, placeholder). Skipped: text inside an element in the other language
on purpose (`lang`, the language button), code (`<code>`) and data marked `cs-data` (user names).
"""

from __future__ import annotations

import re

import pytest

from tests.e2e.page_checks import LAPTOP

HANGUL = re.compile(r"[\uac00-\ud7a3]")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
# Abbreviations and names both languages write in Latin letters.
SHARED = {
    "CarSight", "Hyundai", "Kia", "Genesis", "CSV", "PNG", "PDF", "XLSX", "HTML", "URL", "IR",
    "RFM", "R", "F", "M", "K", "VIP", "PCA", "ARI", "SUV", "MPV", "EV", "HEV", "PHEV", "ICE",
    "FCEV", "LCV", "CKD", "KRW", "MASE", "MAPE", "sMAPE", "LightGBM", "Prophet", "ID", "CRM",
    "UTC", "MB", "GDP", "YYYY-MM", "SMTP", "E", "N", "GT", "vs", "e-mail", "Macro-F",
    "rfm",  # the R package the segments are compared with (its name is lower case)
}  # fmt: skip


def data_words(db) -> frozenset[str]:
    """Latin words that are data values in the warehouse: model names (as sold, as
    published in the IR files and as the catalogue names them), plants and their names,
    competitor models and brands, and the loaded files' formats and encodings (the source
    data page shows each file's load log)."""
    import duckdb

    query = """
        select model from dim_model union select family from dim_model
        union select model_label from customers union select plant from dim_plant
        union select model_name from competitor_sales union select brand from competitor_sales
        union select plant_name from dim_plant union select model_label from fact_sales
        union select format from load_log union select encoding from load_log
    """
    with duckdb.connect(str(db), read_only=True) as con:
        values = [row[0] for row in con.sql(query).fetchall() if row[0]]
    return frozenset(word for value in values for word in LATIN_WORD.findall(str(value)))


def _is_data(text: str) -> bool:
    """File names and paths, e-mail addresses, ids and versions are data in any language."""
    return bool(
        re.search(
            r"[/\\]|\.(csv|xlsx|toml|eml|sqlite|duckdb)\b|@|\d{8}T\d{6}Z|C-[0-9a-f]{4,}", text
        )
    )


def other_script(texts: list[str], lang: str, allowed: frozenset[str]) -> list[str]:
    """The texts (or, in Korean, the words) that are in the other language."""
    found = []
    for text in texts:
        text = re.sub(r"`[^`]*`", "", text)  # commands quoted as code
        if _is_data(text):
            continue
        if lang == "en":
            if HANGUL.search(text) and text not in ("한국어",):
                found.append(text)
        else:
            found += [
                word
                for word in LATIN_WORD.findall(text)
                if len(word) > 1
                and word not in SHARED
                and word not in allowed
                and not word.isupper()
            ]
    return sorted(set(found))


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_page_reads_in_one_language(page_sweep, reference_db, lang):
    allowed = data_words(reference_db)
    found = {}
    for path, page in page_sweep.visit(lang, LAPTOP).items():
        wrong = other_script(page["texts"], lang, allowed)
        if wrong:
            found[path] = wrong
    assert found == {}
