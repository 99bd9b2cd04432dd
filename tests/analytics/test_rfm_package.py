"""The R rfm package's score-based segments, reimplemented: scores, rules and agreement.

Expected values are worked out by hand from the package's published rules
(rfm_table_customer with 5 bins, rfm_segment with the vignette's table).
"""

from __future__ import annotations

import polars as pl
import pytest

from analytics.segments.rfm_package import (
    OTHERS,
    PACKAGE_RULES,
    PACKAGE_TO_OURS,
    agreement,
    package_scores,
    package_segments,
)


def _rfm(recency: list[int], frequency: list[int], monetary: list[int]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "customer_id": [f"c{i}" for i in range(len(recency))],
            "recency_days": recency,
            "frequency": frequency,
            "monetary_krw": monetary,
        }
    )


def test_scores_use_the_packages_quantile_breaks_plus_one() -> None:
    # recency 10..100: type-7 quantiles at 20/40/60/80 % are 28, 46, 64, 82; plus 1 ->
    # bins [10, 29) [29, 47) [47, 65) [65, 83) [83, 101), scored 5..1 (recent first).
    # frequency 1..10: quantiles 2.8, 4.6, 6.4, 8.2 -> breaks 3.8, 5.6, 7.4, 9.2, so 1-3
    # score 1, 4-5 score 2, 6-7 score 3, 8-9 score 4 and 10 scores 5.
    out = package_scores(
        _rfm(list(range(10, 101, 10)), list(range(1, 11)), [1000 * i for i in range(1, 11)])
    )
    assert out.get_column("recency_score").to_list() == [5, 5, 4, 4, 3, 3, 2, 2, 1, 1]
    assert out.get_column("frequency_score").to_list() == [1, 1, 1, 2, 2, 3, 3, 4, 4, 5]
    assert out.get_column("monetary_score").to_list() == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]


def test_tied_quantiles_leave_empty_bins_as_in_the_package() -> None:
    # purchases 1 x6, 2 x2, 3, 4: type-7 quantiles 1 (h=1.8), 1 (3.6), 1 + 0.4 x 1 = 1.4
    # (5.4), 2 + 0.2 x 1 = 2.2 (7.2) -> breaks 2, 2, 2.4, 3.2: bins [1, 2), [2, 2) (empty),
    # [2, 2.4), [2.4, 3.2), [3.2, 5) -> 1 scores 1, 2 scores 3, 3 scores 4, 4 scores 5
    out = package_scores(_rfm([5] * 10, [1, 1, 1, 1, 1, 1, 2, 2, 3, 4], [7] * 10))
    assert out.get_column("frequency_score").to_list() == [1, 1, 1, 1, 1, 1, 3, 3, 4, 5]
    # one distinct value: every break is value + 1, only the first bin holds it
    assert out.get_column("recency_score").to_list() == [5] * 10


@pytest.mark.parametrize(
    ("scores", "segment"),
    [
        ((5, 5, 5), "Champions"),
        ((3, 3, 2), "Potential Loyalist"),  # before Loyal Customers in the table
        ((2, 2, 2), "Loyal Customers"),
        ((4, 1, 1), "New Customers"),
        ((3, 1, 3), "Promising"),
        ((1, 4, 4), "Can't Lose Them"),
        ((1, 2, 5), "At Risk"),
        ((3, 1, 1), "About To Sleep"),
        ((1, 1, 1), "Lost"),
        ((2, 5, 1), OTHERS),
    ],
)
def test_the_first_matching_rule_names_the_customer(scores, segment) -> None:
    r, f, m = scores
    frame = pl.DataFrame(
        {"recency_score": [r], "frequency_score": [f], "monetary_score": [m]},
        schema={c: pl.Int8 for c in ("recency_score", "frequency_score", "monetary_score")},
    )
    assert package_segments(frame).item(0, "package_segment") == segment


def test_every_package_segment_has_a_counterpart_but_others() -> None:
    assert set(PACKAGE_TO_OURS) == set(PACKAGE_RULES)
    assert set(PACKAGE_TO_OURS.values()) == {"VIP", "일반", "신규", "이탈가능"}


def test_agreement_counts_only_customers_with_a_counterpart_on_both_sides() -> None:
    # recency 10..100, purchases 1..10, amounts 1..10 k: package scores as in the first
    # test. Customers 0-1 score (5, 1, 1) -> New Customers (신규); 8-9 score (1, 4-5,
    # 5) -> 8: (1, 4, 5) Can't Lose Them, 9: (1, 5, 5) At Risk (both 이탈가능).
    frame = _rfm(list(range(10, 101, 10)), list(range(1, 11)), [1000 * i for i in range(1, 11)])
    ours = ["신규", "VIP", *["일반"] * 6, "이탈가능", "1회 고액 구매"]
    result = agreement(frame.with_columns(pl.Series("segment", ours)))
    sizes = result["package_sizes"]
    assert sum(sizes.values()) == 10 and result["customers"] == 10
    crosstab = {(r["segment"], r["package_segment"]): r["customers"] for r in result["crosstab"]}
    assert crosstab[("신규", "New Customers")] == 1 and crosstab[("VIP", "New Customers")] == 1
    assert crosstab[("이탈가능", "Can't Lose Them")] == 1
    assert crosstab[("1회 고액 구매", "At Risk")] == 1
    compared = result["compared"]  # the descriptive name and OTHERS are not compared
    assert compared == 9 - sum(1 for r in result["crosstab"] if r["package_segment"] == OTHERS)
    per = {r["segment"]: r for r in result["per_segment"]}
    assert per["신규"]["agree_share"] == 1.0 and per["VIP"]["agree_share"] == 0.0
    assert per["이탈가능"]["agree_share"] == 1.0
    assert per["1회 고액 구매"]["agree_share"] is None  # no package segment stands for it
