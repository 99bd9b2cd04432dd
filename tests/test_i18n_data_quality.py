"""The data page's quality details and load statuses in Korean (they were the build's
English sentences and codes in Korean mode)."""

from __future__ import annotations

import re

from app.i18n import t
from app.i18n.data_quality import detail_text


def test_every_data_quality_detail_of_the_reference_build_reads_in_korean(ref):
    rows = ref("select check_name, detail from data_quality")
    assert len(rows) > 40
    for check, detail in rows:
        korean = detail_text(check, detail, "ko")
        rest = re.sub(r"/\S+|\w+\.csv|'[^']*'|\([^)]*\)|\w*_\w*", "", korean)
        assert korean != detail and not [w for w in re.findall(r"\b[a-z]{3,}\b", rest)], korean
        assert detail_text(check, detail, "en") == detail
        assert t(f"dq.check.{check}", "ko") != f"dq.check.{check}"
    # the numbers survive the re-wording
    overlap = next(d for c, d in rows if c == "source_overlap")
    kept = re.search(r"\(([\d,]+) kept", overlap).group(1)
    assert f"채택 {kept}대" in detail_text("source_overlap", overlap, "ko")


def test_a_detail_of_an_unknown_shape_stays_as_written():
    assert detail_text("source_overlap", "something new", "ko") == "something new"
    assert t("load.status.loaded", "ko") == "적재됨"


def test_the_data_page_tables_read_in_the_page_language(reference_db):
    from app.services import install as use_settings
    from app.settings import load_settings

    use_settings(load_settings(db=reference_db))
    from callbacks.data import render_status

    for lang, loaded in (("ko", "적재됨"), ("en", "loaded")):
        _summary, quality, load_log = render_status(lang)
        rows, log = quality[1].data, load_log[1].data
        details = " ".join(str(r) for r in rows)
        assert ("채택" in details) == (lang == "ko") and ("kept" in details) == (lang == "en")
        assert any(loaded in map(str, r.values()) for r in log), log[:2]
