"""Every brand x market x year slice of the trained reference data renders the dealer page.

Slices without VIP customers (e.g. Kia, Korea, 2026) used to raise
`KeyError: 'vip_frequency'` while rendering the segment sentences (HTTP 500).
"""

from __future__ import annotations

import pytest


@pytest.fixture()
def cb(trained_reference):
    from app.services import install as use_settings
    from app.settings import load_settings

    db, artifacts = trained_reference
    use_settings(load_settings(db=db, artifacts_dir=artifacts))
    import callbacks.dealer as module

    return module


def _slices(cb) -> list[tuple[str, str, str]]:
    out = []
    for brand in ("Hyundai", "Kia"):
        markets, years, _to, _brands, _regions = cb.filter_choices(brand, "ko")
        for market in [m["value"] for m in markets]:
            out += [(brand, market, y["value"]) for y in years]
    return out


@pytest.mark.long
@pytest.mark.slow
def test_every_brand_market_and_year_slice_renders_in_both_languages(cb):
    slices = _slices(cb)
    assert len(slices) > 100  # 2 brands x (9 markets + all) x (years + all)
    for brand, market, year in slices:
        spec, _search = cb.resolve_filters(brand, market, year, year)
        for lang in ("ko", "en"):
            cb.render_status(spec, lang)
            _bar, _grid, _table, actions, *_ = cb.render_segments(spec, lang)
            assert all(a.children for a in actions), (brand, market, year)
            cb.render_clusters(spec, lang)
            cb.render_model_cluster(spec, lang)
            cb.render_insights(spec, lang)
            cb.render_customers(spec, lang)


def test_the_slice_without_vip_customers_names_no_vip_comparison(cb):
    spec, _search = cb.resolve_filters("Kia", "Korea", "2026", "2026")
    _bar, _grid, table, actions, *_ = cb.render_segments(spec, "ko")
    segments = {row["segment"] for row in table.data}
    assert "VIP" not in segments and segments  # the slice that used to fail
    texts = [a.children for a in actions]
    assert texts and not any("VIP" in text for text in texts)
