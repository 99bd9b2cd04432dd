"""All UI strings in one catalogue with one lookup, `t(key, lang, **values)`. Korean is
the default language.

The catalogues are data, one module per feature under `app.i18n.catalogues` (they
import nothing from the app). The sentence renderers of each feature
(`app.i18n.global_strategy`, `.dealer`, `.forecast`, `.predict`, `.explorer`) build on `t`.
"""

from __future__ import annotations

from app.i18n.catalogues.automation import AUTOMATION_STRINGS
from app.i18n.catalogues.common import COMMON_STRINGS
from app.i18n.catalogues.data_quality import DQ_STRINGS
from app.i18n.catalogues.dealer import DEALER_STRINGS
from app.i18n.catalogues.explorer import EXPLORER_STRINGS
from app.i18n.catalogues.forecast import FORECAST_STRINGS
from app.i18n.catalogues.global_strategy import STRATEGY_STRINGS
from app.i18n.catalogues.predict import PREDICT_STRINGS
from app.i18n.catalogues.region import REGION_STRINGS
from app.i18n.catalogues.security import SECURITY_STRINGS

LANGUAGES = ("ko", "en")

CATALOGUE: dict[str, dict[str, str]] = {
    **COMMON_STRINGS,
    **STRATEGY_STRINGS,
    **DEALER_STRINGS,
    **FORECAST_STRINGS,
    **PREDICT_STRINGS,
    **AUTOMATION_STRINGS,
    **SECURITY_STRINGS,
    **REGION_STRINGS,
    **EXPLORER_STRINGS,
    **DQ_STRINGS,
}


def t(key: str, lang: str | None = "ko", **values: object) -> str:
    """Translate `key` (filling `{names}` from `values`); an unknown key shows itself
    so gaps are visible, not silent. A missing or unknown language reads Korean."""
    entry = CATALOGUE.get(key)
    if entry is None:
        return key
    text = entry.get(lang or "ko") or entry["ko"]
    return text.format(**values) if values else text


def market_label(market: str, lang: str = "ko") -> str:
    """A canonical market's display name: its Korean label in Korean, else the name."""
    from warehouse.canonical import MARKETS

    if lang == "ko" and market in MARKETS:
        return MARKETS[market][0]
    return market


def grid_locale(lang: str = "ko") -> dict[str, str]:
    """AG Grid's `localeText` for `lang` (its pager read "1 to 20 of 1,900" in Korean)."""
    from app.i18n.catalogues.common import AG_GRID_LOCALE_KO

    return dict(AG_GRID_LOCALE_KO) if lang == "ko" else {}


def dropdown_labels(lang: str = "ko") -> dict[str, str]:
    """Texts of dcc.Dropdown's own widgets ("Select all", search box, ...)."""
    names = (
        "select_all",
        "deselect_all",
        "selected_count",
        "search",
        "clear_search",
        "clear_selection",
        "no_options_found",
    )
    return {n: t(f"dropdown.{n}", lang) for n in names}


def label(key: str, part: str = "", lang: str = "ko"):
    """A static text component that follows the language toggle (see `app.ids.text`)."""
    from dash import html

    from app import ids

    return html.Span(t(key, lang), id=ids.text(key, part))
