"""Canonical names: model families, powertrains, markets and plants.

Canonicalisation runs on the distinct labels of a load (hundreds of values),
then joins back, so it is cheap even for millions of fact rows.

Rules for model families (documented in docs/schema.md as well):
* drop trademark signs, the platform code in parentheses and trailing trim or
  powertrain tokens (`EV`, `HEV`, `PHEV`, `N`, `OB`, `S/B`, `LWB`);
* spelling variants are unified (`Santa-Fe` -> `Santa Fe`, `IONIQ5` -> `IONIQ 5`,
  `Ioniq 6` -> `IONIQ 6`);
* Kia's dual names collapse to the domestic one (`Optima / K5` -> `K5`,
  `Morning / Picanto` -> `Morning`, `Pride / Rio` and `Rio(pride)` -> `Rio`);
* export-only nameplates stay separate (`Elantra` is not merged into `Avante`),
  because the published tables keep them separate.
"""

from __future__ import annotations

import re

TOTAL_TOKENS = frozenset({"total", "총합", "합계", "소계", "subtotal"})

_TRAILING_TOKENS = {"EV", "HEV", "PHEV", "N", "OB", "S/B", "LWB", "(CKD)", "CKD"}
_FAMILY_ALIASES = {
    "santa-fe": "Santa Fe",
    "santafe": "Santa Fe",
    "santa fe": "Santa Fe",
    "ioniq5": "IONIQ 5",
    "ioniq 5": "IONIQ 5",
    "ioniq6": "IONIQ 6",
    "ioniq 6": "IONIQ 6",
    "ioniq": "IONIQ",
    "optima / k5": "K5",
    "k5 / optima": "K5",
    "optima": "K5",
    "morning / picanto": "Morning",
    "picanto": "Morning",
    "pride / rio": "Rio",
    "rio / pride": "Rio",
    "rio(pride)": "Rio",
    "rio": "Rio",
    "pride": "Rio",
    "kia rio": "Rio",
    "nexo": "NEXO",
    "kusto": "Custo",
    "bongo / frontier": "Bongo",
    "grand i10": "i10",
    "nios": "i10",
    "xcent": "Xcent",
    "la festa": "La Festa",
    "c'eed": "Ceed",
    "c'eed cuv": "XCeed",
    "carens mpv": "Carens",
    "millitary": "Military",
    "military": "Military",
}
# Labels that name a category rather than a model: no model family.
_NO_MODEL = {"pv", "cv", "others", "other", "truck", "htbc", "total", "ckd", "bus"}
_EV_FAMILIES = {"IONIQ 5", "IONIQ 6", "EV3", "EV4", "EV5", "EV6", "EV9", "GV60", "Ray EV"}
_FCEV_FAMILIES = {"NEXO"}


def clean_label(label: str | None) -> str | None:
    """Published label with trademark signs and extra whitespace removed."""
    if label is None:
        return None
    text = label.replace("™", "").replace("®", "").replace("\u00a0", " ")
    text = re.sub(r"\s+", " ", text).strip()
    return text or None


def model_family(label: str | None) -> str | None:
    """Canonical model family of a published model label (None for categories)."""
    text = clean_label(label)
    if text is None:
        return None
    key = text.lower()
    if key in _FAMILY_ALIASES:
        return _FAMILY_ALIASES[key]
    base = re.sub(r"\s*\(.*$", "", text).strip() or text
    tokens = base.split(" ")
    while len(tokens) > 1 and tokens[-1].upper() in _TRAILING_TOKENS:
        tokens.pop()
    base = " ".join(tokens)
    key = base.lower()
    if key in _NO_MODEL:
        return None
    return _FAMILY_ALIASES.get(key, base)


def powertrain(label: str | None) -> str:
    """`ICE`, `HEV`, `PHEV`, `EV` or `FCEV` from a published model label."""
    text = (clean_label(label) or "").upper()
    tokens = set(re.split(r"[\s()/,]+", text))
    family = model_family(label)
    if "PHEV" in tokens:
        return "PHEV"
    if "HEV" in tokens:
        return "HEV"
    # 'FE' is NEXO's platform code: only a fuel-cell sign inside the parentheses
    # (a bare 'Fe' is Santa Fe).
    code = re.findall(r"\(([^)]*)\)", text)
    code_tokens = set(re.split(r"[\s/,]+", " ".join(code)))
    if "FCEV" in tokens or family in _FCEV_FAMILIES or "FE" in code_tokens:
        return "FCEV"
    if (
        "EV" in tokens
        or family in _EV_FAMILIES
        or any(
            t.endswith("EV") and t[:-2] in {"NE", "CE", "JW", "OSI", "OSE", "SX2E"} for t in tokens
        )
    ):
        return "EV"
    return "ICE"


# --- markets -----------------------------------------------------------------
# canonical market -> (Korean label, region)
MARKETS: dict[str, tuple[str, str]] = {
    "Korea": ("대한민국", "Korea"),
    "USA": ("미국", "North America"),
    "Canada": ("캐나다", "North America"),
    "Mexico": ("멕시코", "North America"),
    "Western Europe": ("서유럽", "Europe"),
    "Eastern Europe": ("동유럽", "Europe"),
    "Latin America": ("중남미", "Latin America"),
    "Middle East/Africa": ("중동아프리카", "Middle East/Africa"),
    "Asia Pacific": ("아시아", "Asia Pacific"),
    "India": ("인도", "Asia Pacific"),
    "China": ("중국", "China"),
    "Other": ("기타", "Other"),
    # plant countries (overseas-plant sales are reported by plant)
    "Czechia": ("체코", "Europe"),
    "Slovakia": ("슬로바키아", "Europe"),
    "Türkiye": ("튀르키예", "Europe"),
    "Russia": ("러시아", "Europe"),
    "Brazil": ("브라질", "Latin America"),
    "Indonesia": ("인도네시아", "Asia Pacific"),
    "Vietnam": ("베트남", "Asia Pacific"),
    "Singapore": ("싱가포르", "Asia Pacific"),
}
# The nine markets of the customer files, in display order.
CUSTOMER_MARKETS = [
    "Korea", "USA", "Canada", "Mexico", "Western Europe", "Eastern Europe",
    "Asia Pacific", "Latin America", "Middle East/Africa",
]  # fmt: skip

_MARKET_ALIASES: dict[str, str] = {
    "u.s.a": "USA", "usa": "USA", "us": "USA", "u.s.": "USA", "united states": "USA",
    "미국": "USA", "북미-미국": "USA",
    "canada": "Canada", "캐나다": "Canada", "북미-캐나다": "Canada",
    "mexico": "Mexico", "멕시코": "Mexico", "북미-멕시코": "Mexico",
    "europe subsidiaries": "Western Europe", "europe distributors": "Western Europe",
    "europe": "Western Europe", "eu+efta": "Western Europe", "서유럽": "Western Europe",
    "western europe": "Western Europe", "eu": "Western Europe",
    "turkey": "Eastern Europe", "russia/cis": "Eastern Europe", "e.europe/cis": "Eastern Europe",
    "eastern europe": "Eastern Europe", "동유럽": "Eastern Europe",
    "latin america": "Latin America", "중남미": "Latin America",
    "middle east/africa": "Middle East/Africa", "middle east": "Middle East/Africa",
    "africa": "Middle East/Africa", "중동아프리카": "Middle East/Africa",
    "중동·아프리카": "Middle East/Africa", "중동/아프리카": "Middle East/Africa",
    "asia/pacific": "Asia Pacific", "asia pacific": "Asia Pacific",
    "asia / pacific": "Asia Pacific", "아시아": "Asia Pacific", "asia": "Asia Pacific",
    "india": "India", "인도": "India", "china": "China", "중국": "China",
    "korea": "Korea", "대한민국": "Korea", "한국": "Korea", "domestic": "Korea",
    "기타": "Other", "유럽-기타": "Other", "others": "Other", "other": "Other",
}  # fmt: skip
for _m, (_ko, _region) in MARKETS.items():
    _MARKET_ALIASES.setdefault(_m.lower(), _m)
    _MARKET_ALIASES.setdefault(_ko, _m)


def market_of(label: str | None) -> str | None:
    """Canonical market for a published market/region label (None if unknown)."""
    if label is None:
        return None
    key = re.sub(r"\s+", " ", label.replace("\n", " ")).strip().lower()
    return _MARKET_ALIASES.get(key)


def region_of(market: str | None) -> str | None:
    return MARKETS[market][1] if market in MARKETS else None


# --- plants ------------------------------------------------------------------
# plant code -> (brand, plant name, country market)
PLANTS: dict[str, tuple[str, str, str]] = {
    "HMI": ("Hyundai", "Hyundai Motor India", "India"),
    "HMMA": ("Hyundai", "Hyundai Motor Manufacturing Alabama", "USA"),
    "BHMC": ("Hyundai", "Beijing Hyundai", "China"),
    "HMMC": ("Hyundai", "Hyundai Motor Manufacturing Czech", "Czechia"),
    "HMMR": ("Hyundai", "Hyundai Motor Manufacturing Rus", "Russia"),
    "HAOS": ("Hyundai", "Hyundai Assan Otomotiv (Türkiye)", "Türkiye"),
    "HMB": ("Hyundai", "Hyundai Motor Brasil", "Brazil"),
    "HMMI": ("Hyundai", "Hyundai Motor Manufacturing Indonesia", "Indonesia"),
    "HTBC": ("Hyundai", "Hyundai Truck & Bus China", "China"),
    "HMGMA": ("Hyundai", "Hyundai Motor Group Metaplant America", "USA"),
    "Vietnam": ("Hyundai", "Hyundai Thanh Cong Vietnam", "Vietnam"),
    "Singapore": ("Hyundai", "Hyundai Motor Group Innovation Center Singapore", "Singapore"),
    "Russia": ("Hyundai", "Russia (commercial vehicles)", "Russia"),
    "CKD": (None, "CKD kits", None),  # type: ignore[dict-item]
    "Others": (None, "Other plants", None),  # type: ignore[dict-item]
    "KaGA": ("Kia", "Kia Georgia (US Plant)", "USA"),
    "DYK": ("Kia", "Dongfeng Yueda Kia (China Plant)", "China"),
    "KaSK": ("Kia", "Kia Slovakia", "Slovakia"),
    "KMX": ("Kia", "Kia Mexico", "Mexico"),
    "KMM": ("Kia", "Kia Mexico", "Mexico"),
    "KIN": ("Kia", "Kia India", "India"),
    "KaIN": ("Kia", "Kia India", "India"),
}
_PLANT_NAME_ALIASES = {
    "us plant": "KaGA", "china plant": "DYK", "slovakia plant": "KaSK",
    "mexico plant": "KMX", "india plant": "KIN",
}  # fmt: skip


def plant_code(label: str | None) -> str | None:
    """Canonical plant code from a code or a plant name (unknown labels kept as is)."""
    if label is None:
        return None
    text = re.sub(r"\s+", " ", label).strip()
    if not text:
        return None
    for code in PLANTS:
        if code.lower() == text.lower():
            return code
    return _PLANT_NAME_ALIASES.get(text.lower(), text)


def plant_market(code: str | None) -> str | None:
    if code in PLANTS:
        return PLANTS[code][2]
    return None


def brand_from_text(text: str) -> str | None:
    """Brand from a file name or folder name: 현대/hyundai/hmc or 기아/kia."""
    low = text.lower()
    if "현대" in text or "hyundai" in low or "hmc" in low or "genesis" in low:
        return "Hyundai"
    if "기아" in text or re.search(r"(^|[^a-z])kia([^a-z]|$)", low):
        return "Kia"
    return None


def is_total(value: str | None) -> bool:
    return value is not None and value.strip().lower() in TOTAL_TOKENS
