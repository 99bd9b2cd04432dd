"""The forecast summary sentence: every number comes from the computed Summary."""

from __future__ import annotations

import datetime as dt

from analytics.forecast.view import Summary
from app.i18n.catalogues.forecast import FORECAST_STRINGS
from app.i18n.forecast import summary_sentence


def _summary(**changes) -> Summary:
    values = dict(
        model_name="lightgbm",
        months=6,
        start=dt.date(2025, 2, 1),
        end=dt.date(2025, 7, 1),
        total=660.0,
        lower=540.0,
        upper=780.0,
        base_total=600.0,
        change_pct=10.0,
        change_lower_pct=-10.0,
        change_upper_pct=30.0,
        recent_months=11,
        recent_mean=150.0,
        vs_recent_pct=-26.666,
        bottom_up_total=None,
        bottom_up_diff_pct=None,
    )
    return Summary(**{**values, **changes})


def test_the_sentence_carries_the_computed_numbers_in_both_languages():
    ko = " ".join(summary_sentence(_summary(), "ko", mase=0.8, naive_mase=1.1))
    assert "향후 6개월(2025-02–2025-07) LightGBM 예측 합계 660대 (80% 구간 540–780대)" in ko
    assert "+10.0% 증가 예상, 80% 구간 -10.0% ~ +30.0%" in ko
    assert "최근 12개월 월평균(150대, 보고된 11개월) 대비 -26.7%" in ko
    assert "이 모델 0.80, 계절 나이브 1.10로 기준보다 정확합니다" in ko
    en = " ".join(summary_sentence(_summary(change_pct=-5.0), "en", mase=1.3, naive_mase=1.1))
    assert "-5.0% versus the same months a year earlier (600)" in en
    assert "worse than the baseline" in en
    flat = " ".join(summary_sentence(_summary(change_pct=0.04), "ko"))
    assert "+0.0% 보합 예상" in flat


def test_missing_comparisons_are_said_not_invented():
    text = " ".join(
        summary_sentence(
            _summary(
                base_total=None,
                change_pct=None,
                change_lower_pct=None,
                change_upper_pct=None,
                recent_mean=None,
                vs_recent_pct=None,
            ),
            "ko",
        )
    )
    assert "전년 대비 변화는 계산하지 않았습니다" in text
    assert "최근 12개월" not in text and "MASE" not in text
    assert summary_sentence(None, "en") == ["This model has no forecast."]


def test_a_total_shows_its_difference_from_the_sum_of_the_parts():
    text = " ".join(
        summary_sentence(_summary(bottom_up_total=640.0, bottom_up_diff_pct=3.125), "ko")
    )
    assert "하위 시리즈 예측의 합(640대)과는 +3.1% 차이" in text


def test_every_forecast_string_has_korean_and_english():
    assert all(
        set(entry) == {"ko", "en"} and all(entry.values()) for entry in FORECAST_STRINGS.values()
    )


def test_the_typical_error_is_said_in_cars_per_month():
    ko = " ".join(summary_sentence(_summary(), "ko", typical_error=(1234.4, 45)))
    assert "보통 ±1,234대/월 빗나갔습니다 (검증 45개월의 오차 중앙값)" in ko
    en = " ".join(summary_sentence(_summary(), "en", typical_error=(7.6, 12)))
    assert "typically ±8 units/month off (median error over 12 months)" in en
    assert "±" not in " ".join(summary_sentence(_summary(), "en"))  # not stored: not said


def test_months_past_the_backtest_are_named():
    ko = " ".join(summary_sentence(_summary(), "ko", unvalidated=(dt.date(2025, 8, 1), 6)))
    assert "2025-08 이후(6개월 앞 이후)는 백테스트로 검증되지 않은 예측입니다" in ko
    en = " ".join(summary_sentence(_summary(), "en", unvalidated=(dt.date(2025, 8, 1), 6)))
    assert "Months from 2025-08 on (beyond 6 months ahead) were not validated" in en
