"""Sentences of the market explorer: every number in them comes from the insight values
the analytics computed (analytics.explorer.*.insights) for the data shown beside them.
Templates are in `app.i18n.catalogues.explorer`; a fact that is absent (None) gives no
sentence rather than a made-up one."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from analytics.explorer.competitors import CompetitorInsights
from analytics.explorer.exports import ExportInsights
from analytics.explorer.models import ModelInsights
from analytics.explorer.plants import PlantInsights
from analytics.explorer.retail import ICE_DEPENDENT_SHARE, RetailInsights
from app.i18n import market_label, t


def _pct(value: float | None) -> float:
    return 100 * (value or 0.0)


def exports_sentences(ins: ExportInsights, lang: str) -> list[str]:
    """The largest region and its share, the peak month, growth and decline."""
    if ins.largest is None:
        return []
    region = market_label(ins.largest, lang)
    out = [
        t(
            "ins.exports.largest",
            lang,
            region=region,
            total=ins.total_units,
            units=ins.largest_units,
            share_pct=_pct(ins.largest_share),
        )
    ]
    if ins.peak_month:
        key = "ins.exports.peak.focus" if ins.focus else "ins.exports.peak"
        focus = market_label(ins.focus, lang) if ins.focus else ""
        out.append(t(key, lang, region=focus, month=ins.peak_month, units=ins.peak_units))
    if ins.year is None:
        out.append(t("ins.exports.one_year", lang))
        return out
    if ins.fastest:
        out.append(
            t(
                "ins.exports.fastest",
                lang,
                year=ins.year,
                region=market_label(ins.fastest, lang),
                growth_pct=_pct(ins.fastest_growth),
                months=ins.compared_months,
            )
        )
    else:
        out.append(t("ins.exports.no_growth_leader", lang, year=ins.year))
    if ins.declining:
        regions = [f"{market_label(m, lang)} {100 * g:+.1f}%" for m, g in ins.declining]
        out.append(t("ins.exports.declining", lang, year=ins.year, regions=", ".join(regions)))
    else:
        out.append(t("ins.exports.no_decline", lang, year=ins.year))
    return out


def models_sentences(ins: ModelInsights, lang: str) -> list[str]:
    """The top model, the domestic/export split, the EV and hybrid shares, the classes."""
    out: list[str] = []
    if ins.top_model:
        out.append(
            t(
                "ins.models.top",
                lang,
                year=ins.year,
                months=ins.year_months,
                model=ins.top_model,
                units=ins.top_units,
                share_pct=_pct(ins.top_share),
            )
        )
    domestic, export = ins.domestic or 0, ins.export or 0
    if domestic + export:
        out.append(
            t(
                "ins.models.split",
                lang,
                scope=ins.focus or t("exp.all", lang),
                domestic=domestic,
                export=export,
                export_pct=100 * export / (domestic + export),
            )
        )
    if ins.first and ins.electric_share is not None:
        out.append(
            t(
                "ins.models.electrified",
                lang,
                first=ins.first,
                last=ins.last,
                electric_pct=_pct(ins.electric_share),
                hybrid_pct=_pct(ins.hybrid_share),
                unstated_pct=_pct(ins.unstated_share),
            )
        )
    if ins.classes:
        counts = {c: ins.classes.get(c, 0) for c in ("year_round", "moderate", "seasonal")}
        out.append(
            t(
                "ins.models.seasonality",
                lang,
                insufficient=ins.classes.get("insufficient", 0),
                **counts,
            )
        )
    return out


def comparison_sentence(values: Mapping[str, Any] | None, lang: str) -> str:
    """'A n vs B m: gap ...; peaks ...' from analytics.explorer.models.Comparison values."""
    if not values or values.get("peak_a") is None or values.get("peak_b") is None:
        return t("ins.models.compare_pick", lang)
    return t(
        "ins.models.compare",
        lang,
        a=values["a"],
        b=values["b"],
        total_a=values["total_a"],
        total_b=values["total_b"],
        gap=values["total_a"] - values["total_b"],
        peak_a=values["peak_a"][0],
        peak_a_units=values["peak_a"][1],
        peak_b=values["peak_b"][0],
        peak_b_units=values["peak_b"][1],
    )


def plants_sentences(ins: PlantInsights, lang: str) -> list[str]:
    """The largest plant, the export shares, single-plant models and the focus plant."""
    if ins.largest is None:
        return []
    out = [
        t(
            "ins.plants.largest",
            lang,
            plant=ins.largest,
            name=ins.largest_name or ins.largest,
            units=ins.largest_units,
            share_pct=_pct(ins.largest_share),
        )
    ]
    if ins.high_export:
        out.append(
            t(
                "ins.plants.export",
                lang,
                high=ins.high_export,
                high_pct=_pct(ins.high_export_ratio),
                low=ins.low_export,
                low_pct=_pct(ins.low_export_ratio),
            )
        )
    if ins.single_count:
        out.append(
            t(
                "ins.plants.single",
                lang,
                count=ins.single_count,
                model=ins.single_top,
                plant=ins.single_top_plant,
                units=ins.single_top_units,
            )
        )
    if ins.focus and ins.focus_units is not None:
        out.append(
            t(
                "ins.plants.focus",
                lang,
                plant=ins.focus,
                units=ins.focus_units,
                models=ins.focus_models,
            )
        )
    return out


def retail_sentences(
    ins: RetailInsights, lang: str, *, focus: Mapping[str, Any] | None = None
) -> list[str]:
    """The EV leader, the ICE-dependent markets, volatility and the focus market's peak
    and low (`focus`: a market_summary row)."""
    if ins.year is None:
        return []
    limit_pct = 100 * ICE_DEPENDENT_SHARE
    out = []
    if ins.ev_leader:
        out.append(
            t(
                "ins.retail.ev_leader",
                lang,
                year=ins.year,
                months=ins.year_months,
                market=market_label(ins.ev_leader, lang),
                share_pct=_pct(ins.ev_leader_share),
                unstated_pct=_pct(ins.ev_leader_unstated),
            )
        )
    else:
        out.append(t("ins.retail.no_ev", lang, year=ins.year))
    if ins.ice_dependent:
        markets = [f"{market_label(m, lang)} {100 * s:.1f}%" for m, s, _u in ins.ice_dependent]
        out.append(
            t(
                "ins.retail.ice",
                lang,
                year=ins.year,
                limit_pct=limit_pct,
                markets=", ".join(markets),
            )
        )
    else:
        out.append(t("ins.retail.no_ice", lang, year=ins.year, limit_pct=limit_pct))
    if ins.most_volatile and ins.steadiest:
        out.append(
            t(
                "ins.retail.volatility",
                lang,
                market=market_label(ins.most_volatile, lang),
                cv=ins.most_volatile_cv,
                steady=market_label(ins.steadiest, lang),
                steady_cv=ins.steadiest_cv,
            )
        )
    if focus:
        out.append(
            t(
                "ins.retail.focus",
                lang,
                market=market_label(focus["market"], lang),
                peak=focus["peak_month"],
                peak_units=focus["peak_units"],
                low=focus["low_month"],
                low_units=focus["low_units"],
            )
        )
    return out


def competitors_sentences(ins: CompetitorInsights, lang: str) -> list[str]:
    """Where our models are listed, the focus market's leader, a partial year."""
    if ins.year is None:
        return []
    out = []
    if ins.ours:
        markets = [f"{market_label(m, lang)} {100 * s:.1f}%" for m, s in ins.ours]
        out.append(
            t(
                "ins.competitors.share",
                lang,
                year=ins.year,
                count=len(ins.ours),
                total=ins.markets,
                markets=", ".join(markets),
            )
        )
    else:
        out.append(t("ins.competitors.share_none", lang, year=ins.year))
    if ins.leader and ins.market:
        out.append(
            t(
                "ins.competitors.leader",
                lang,
                market=market_label(ins.market, lang),
                year=ins.year,
                model=ins.leader,
                brand=ins.leader_brand or "",
                units=ins.leader_units,
                share_pct=_pct(ins.leader_share),
            )
        )
    if ins.months is not None and ins.months < 12:
        key = "exp.competitors.partial.1" if ins.months == 1 else "exp.competitors.partial"
        out.append(t(key, lang, year=ins.year, months=ins.months))
    return out


def counter_sentence(row: Mapping[str, Any], lang: str) -> str:
    """One counter-model row (analytics.explorer.competitors.counter_models) in words."""
    values = {
        "rival": row["model_name"],
        "rival_brand": row["brand"] or "",
        "rival_units": row["units"],
        "match": t(f"match.{row['match']}", lang),
    }
    if row["our_model"] is None:
        return t("ins.competitors.counter_none", lang, **values)
    values.update(
        ours=row["our_model"], our_brand=row["our_brand"], powertrains=row["our_powertrains"]
    )
    if row["our_units"] is None:
        return t("ins.competitors.counter_no_units", lang, **values)
    return t(
        "ins.competitors.counter",
        lang,
        our_units=row["our_units"],
        source=t(f"source.{row['our_source']}", lang),
        **values,
    )


def sources_sentences(entry: Mapping[str, Any], lang: str) -> list[str]:
    """One loaded file's load-log counts (analytics.explorer.sources.load_files row)."""
    return [
        t(
            "ins.sources.file",
            lang,
            rows_read=entry["rows_read"],
            rows_loaded=entry["rows_loaded"],
            rows_rejected=entry["rows_rejected"],
            fact_rows=entry["fact_rows"],
            warnings=entry["warnings"],
            notes=entry["notes"],
            kind=t(f"kind.{entry['kind']}", lang),
        )
    ]
