"""The data page's quality details and load statuses in the page's language: the
build writes details in English; in Korean each known detail is re-worded with the
same numbers (`app.i18n.catalogues.data_quality`)."""

from __future__ import annotations

import re

from app.i18n import market_label, t
from app.i18n.catalogues.data_quality import DETAIL_PATTERNS

_AGREE = {"agree": "일치", "differ": "다름"}


def detail_text(check: str, detail: str | None, lang: str) -> str | None:
    """`detail` of a `check` as shown in `lang` (the English original when no pattern of
    the check matches it, e.g. a check added later)."""
    if lang != "ko" or not detail:
        return detail
    for pattern, korean in DETAIL_PATTERNS.get(check, ()):
        found = re.fullmatch(pattern, detail)
        if found:
            values = found.groupdict()
            if "flow" in values:
                values["flow"] = t(f"fc.flow.{values['flow']}", lang)
            if "brand" in values:
                values["brand"] = t(f"brand.{values['brand']}", lang)
            for name in ("market", "source"):  # market names (India -> 인도)
                if values.get(name):
                    values[name] = market_label(values[name], lang)
            if "agree" in values:
                values["agree"] = _AGREE[values["agree"]]
            return korean.format(**values)
    return detail
