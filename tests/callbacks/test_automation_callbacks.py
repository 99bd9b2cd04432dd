"""Automation page callbacks called as plain functions on the reference warehouse."""

from __future__ import annotations

import base64
import io

import openpyxl
import pytest
from dash import no_update

from tests.callbacks.dash_text import text_of


@pytest.fixture()
def cb(reference_db, tmp_path):
    from app.services import install
    from app.settings import load_settings

    install(
        load_settings(
            db=reference_db,
            ops_db=tmp_path / "ops.sqlite",
            artifacts_dir=tmp_path / "no-artifacts",
            upload_dir=tmp_path / "uploads",
            schedule_config=tmp_path / "schedule.toml",
        )
    )
    import callbacks.automation as module

    return module


def test_the_report_download_is_the_xlsx_of_the_report(cb):
    status, html, pdf, xlsx = cb.build_report(
        1, "Kia", None, "customers", None, None, ["xlsx"], "en"
    )
    assert html is no_update and pdf is no_update
    assert xlsx["filename"] == "carsight-report-kia-en.xlsx" and xlsx["base64"]
    book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(xlsx["content"])))
    assert book.sheetnames[0] == "KPIs" and "Top models" in book.sheetnames
    assert "Built 1 report file(s)" in text_of(status)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("Kia", None, "customers", "2024-13", None, ["pdf"]), "2024-13"),
        (("Kia", None, "customers", None, None, []), "Choose at least one format"),
        (("Kia", "Atlantis", "customers", None, None, ["xlsx"]), "Atlantis"),
    ],
)
def test_bad_report_options_say_what_to_fix(cb, args, message):
    status, *downloads = cb.build_report(1, *args, "en")
    assert message in text_of(status)
    assert downloads == [no_update] * 3


def test_uploads_are_checked_before_loading(cb):
    good = "data:text/csv;base64," + base64.b64encode(b"a,b\n1,2\n").decode()
    cards = cb.upload(
        [good, "data:text/csv;base64,@@not base64@@"], ["../../notes.txt", "x.csv"], "en"
    )
    texts = [text_of(c) for c in cards]
    assert "damaged" in texts[0] and "x.csv" in texts[0]
    assert "notes.txt" in texts[1] and "only .csv and .xlsx" in texts[1]


def test_without_a_schedule_file_the_panel_says_so(cb):
    assert "No schedule file" in text_of(cb.schedules("en", None))


def test_an_unknown_unsubscribe_token_is_refused(cb):
    assert "not valid" in text_of(cb.unsubscribe(1, "no-such-token", "en"))
