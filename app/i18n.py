"""All UI strings in one catalogue. Korean is the default language."""

from __future__ import annotations

CATALOGUE: dict[str, dict[str, str]] = {
    "app.title": {"ko": "CarSight — 현대·기아 판매 전략", "en": "CarSight — Hyundai/Kia sales strategy"},
    "nav.data": {"ko": "데이터", "en": "Data"},
    "lang.toggle": {"ko": "English", "en": "한국어"},
    "data.title": {"ko": "데이터 웨어하우스", "en": "Data warehouse"},
    "data.files": {"ko": "적재 파일", "en": "Files loaded"},
    "data.fact_rows": {"ko": "판매 행", "en": "Fact rows"},
    "data.rejected": {"ko": "격리된 행", "en": "Rejected rows"},
    "data.warnings": {"ko": "품질 경고", "en": "Quality warnings"},
    "data.quality": {"ko": "데이터 품질 보고서", "en": "Data-quality report"},
    "data.load_log": {"ko": "적재 이력", "en": "Load log"},
    "data.missing": {
        "ko": "웨어하우스 파일이 없습니다. `carsight build`를 실행하세요.",
        "en": "No warehouse file. Run `carsight build`.",
    },
    "empty": {"ko": "선택한 조건에 데이터가 없습니다", "en": "No data for this selection"},
}


def t(key: str, lang: str = "ko") -> str:
    """Translate `key`; an unknown key shows itself so gaps are visible, not silent."""
    entry = CATALOGUE.get(key)
    if entry is None:
        return key
    return entry.get(lang) or entry["ko"]
