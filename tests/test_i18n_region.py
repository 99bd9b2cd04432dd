"""Region sentences: the brief's wording, every number from the computed Insight, both languages."""

from __future__ import annotations

import pytest

from analytics.insights import Insight
from app.i18n.catalogues.region import REGION_EN, REGION_STRINGS
from app.i18n.region import has_action, region_label, render
from warehouse.region import KOREAN_REGIONS

STOCK = Insight(
    "region.stock",
    {
        "region": "서울",
        "customers": 175,
        "body_type": "SUV",
        "share_pct": 58,
        "average_pct": 41,
        "model": "Sportage",
        "model_pct": 12,
    },
)


def test_a_clear_lead_reads_like_the_brief_with_its_stock_suggestion():
    assert render(STOCK, "ko") == "서울 — SUV 58% (대표 모델 Sportage 12%)"
    assert (
        render(STOCK, "ko", part="action")
        == "서울: SUV 재고 비중 확대 검토 (SUV 58%, 전체 평균 41%)"
    )
    assert render(STOCK, "en") == "Seoul — SUV 58% (top model Sportage 12%)"
    assert render(STOCK, "en", part="action") == (
        "Seoul: consider a larger SUV share of stock (SUV 58%, overall average 41%)"
    )


def test_a_plain_finding_has_no_suggestion_and_body_types_are_translated():
    plain = Insight("region", {**STOCK.values, "region": "부산", "body_type": "세단"})
    assert render(plain, "ko") == "부산 — 세단 58% (대표 모델 Sportage 12%)"
    assert render(plain, "en") == "Busan — sedan 58% (top model Sportage 12%)"
    assert not has_action(plain)
    with pytest.raises(ValueError, match="no suggestion"):
        render(plain, "ko", part="action")


def test_a_small_sample_says_so_with_its_customer_count():
    small = Insight("region.small", {"region": "KS", "customers": 7})
    assert render(small, "ko") == "KS — 표본 부족 (고객 7명)"
    assert render(small, "en") == "KS — small sample (7 customers)"
    assert not has_action(small)


def test_every_sido_has_a_distinct_english_name_and_states_keep_their_code():
    assert set(REGION_EN) == set(KOREAN_REGIONS)
    assert len(set(REGION_EN.values())) == len(KOREAN_REGIONS)
    assert region_label("경남", "en") == "Gyeongnam"
    assert region_label("경남", "ko") == "경남"
    assert region_label("CA", "en") == region_label("CA", "ko") == "CA"


def test_every_region_text_exists_in_both_languages():
    assert all(
        set(entry) == {"ko", "en"} and all(entry.values()) for entry in REGION_STRINGS.values()
    )
