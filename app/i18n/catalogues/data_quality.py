"""The data page's quality checks in Korean (data only; `app.i18n.data_quality` renders).

The build writes each check's detail in English, with its numbers and names. For each
check, DETAIL_PATTERNS holds the detail's English shape (a regular expression naming
its values) and the Korean sentence over the same values, so the Korean page shows the
same numbers. Flows and brands are translated by the renderer ({flow}, {brand}).
"""

DQ_STRINGS: dict[str, dict[str, str]] = {
    f"dq.check.{name}": {"ko": ko, "en": name}
    for name, ko in (
        ("source_overlap", "출처 중복"),
        ("total_mismatch", "합계 불일치"),
        ("months_not_reported", "미발표 월"),
        ("rejected_rows", "격리된 행"),
        ("market_context_only", "시장 정보 전용"),
        ("mislabelled_rows", "잘못 표시된 행"),
        ("totals_checked", "소계 검증"),
        ("file_year_excluded", "연도 제외"),
        ("total_column", "합계 열"),
        ("competitor_repeated_block", "경쟁사 반복 블록"),
        ("gdp_placeholder", "GDP 자리표시 값"),
        ("other_brand_models", "타 브랜드 모델"),
        ("shifted_rows", "밀린 행"),
        ("competitor_partial_year", "경쟁사 부분 연도"),
        ("address_region", "주소 지역"),
    )
} | {
    "load.status.loaded": {"ko": "적재됨", "en": "loaded"},
    "load.status.rejected": {"ko": "거부됨", "en": "rejected"},
    "load.status.skipped": {"ko": "건너뜀", "en": "skipped"},
    "load.status.duplicate": {"ko": "중복", "en": "duplicate"},
}

# check -> [(English detail pattern, Korean sentence)]
DETAIL_PATTERNS: dict[str, list[tuple[str, str]]] = {
    "address_region": [
        (
            r"(?P<brand>\w+) customers: (?P<n>[\d,]+) of (?P<total>[\d,]+) addresses resolved "
            r"to a region \((?P<kr>[\d,]+) Korean 시·도, (?P<us>[\d,]+) US state\); "
            r"(?P<unknown>[\d,]+) unknown \(other formats are never guessed\)",
            "{brand} 고객 주소 {total}개 중 {n}개의 지역 확인 (한국 시·도 {kr}개, 미국 주 {us}개); "
            "{unknown}개는 모름 (다른 형식은 추측하지 않음)",
        )
    ],
    "source_overlap": [
        (
            r"(?P<brand>\w+) (?P<flow>\w+) (?P<year>\d{4}) months (?P<m1>\d+)-(?P<m2>\d+): also in "
            r"(?P<file>.+), which wins; totals (?P<agree>agree|differ) \((?P<kept>[\d,]+) kept vs "
            r"(?P<dropped>[\d,]+) dropped, ratio (?P<ratio>[\d.]+)\)",
            "{brand} {flow} {year}년 {m1}-{m2}월: {file}에도 있어 그 파일을 씁니다. 합계 {agree} "
            "(채택 {kept}대, 제외 {dropped}대, 비율 {ratio})",
        )
    ],
    "total_mismatch": [
        (
            r"(?P<month>\d{4}-\d{2}) \[(?P<row>.+)\]: reported total (?P<reported>[\d,.-]+) vs "
            r"detail sum (?P<sum>[\d,.-]+) \(diff (?P<diff>[+\-\d,.]+)\)",
            "{month} [{row}]: 발표 합계 {reported} · 세부 합 {sum} (차이 {diff})",
        )
    ],
    "months_not_reported": [
        (
            r"(?P<year>\d{4}): months (?P<m1>\d+)-(?P<m2>\d+) have no figures after month "
            r"(?P<last>\d+); treated as not reported",
            "{year}년: {last}월 이후 {m1}-{m2}월 수치 없음. 미발표로 처리(0 아님)",
        )
    ],
    "rejected_rows": [
        (
            r"(?P<n>[\d,]+) row\(s\) quarantined in rejected_rows",
            "{n}개 행을 격리했습니다 (격리 행 표에 보관)",
        )
    ],
    "market_context_only": [
        (
            r"monthly per-model figures in this augmented table are not sales; only climate zone "
            r"and GDP are used",
            "이 보강 표의 월별 모델 수치는 판매가 아닙니다. 기후대와 GDP만 씁니다",
        )
    ],
    "mislabelled_rows": [
        (
            r"(?P<n>[\d,]+) non-zero (?P<flow>\w+) row\(s\) of (?P<year>\d{4}) are identical to "
            r"overseas-plant rows of (?P<file>.+); they are plant figures, not counted as \w+ "
            r"\((?P<units>[\d,]+) vehicles\)",
            "{year}년 {flow} 행 {n}개가 {file}의 해외 공장 행과 같습니다. 공장 수치이므로 "
            "{flow}에 넣지 않았습니다 ({units}대)",
        )
    ],
    "totals_checked": [
        (
            r"(?P<n>[\d,]+) subtotal cells checked against detail rows, (?P<bad>[\d,]+) mismatched",
            "소계 {n}칸을 세부 행과 대조, {bad}칸 불일치",
        )
    ],
    "file_year_excluded": [
        (
            r"(?P<brand>\w+) (?P<flow>\w+) (?P<year>\d{4}): (?P<n>[\d,]+) of (?P<total>[\d,]+) "
            r"non-zero rows are copies of overseas-plant rows; the whole block is plant data and "
            r"is treated as not reported",
            "{brand} {flow} {year}년: 0이 아닌 {total}행 중 {n}행이 해외 공장 행의 복사본입니다. "
            "블록 전체를 공장 자료로 보고 미발표로 처리",
        )
    ],
    "total_column": [
        (
            r"plant group '(?P<group>.+)': (?P<n>[\d,]+) (?P<market>.+?) cell\(s\) hold the total "
            r"of the other markets of their row \(the group sells nothing in .+? otherwise\); kept "
            r"as a check, not counted as sales\. The market split of those rows may be shifted in "
            r"this table",
            "공장 그룹 '{group}': {market} 칸 {n}개가 같은 행 다른 시장의 합계입니다. 검증에만 "
            "쓰고 판매로 세지 않습니다 (이 행들의 시장 구분이 밀려 있을 수 있음)",
        )
    ],
    "competitor_repeated_block": [
        (
            r"(?P<market>.+?) (?P<year>\d{4}): its (?P<n>\d+) models and volumes repeat "
            r"(?P<source>.+?) \d{4} exactly \((?P<models>.+)\); .+",
            "{market} {year}년: 모델 {n}개와 판매량이 {source}와 똑같습니다 ({models}). "
            "{source}의 복사본으로 보고 경쟁 모델 비교에서 뺐습니다",
        )
    ],
    "gdp_placeholder": [
        (
            r"GDP column repeats one value for most markets \((?P<value>[\d.]+)\); treated as a "
            r"placeholder and not used",
            "GDP 열이 대부분 시장에서 같은 값({value})을 반복합니다. 자리표시 값으로 보고 쓰지 "
            "않습니다",
        )
    ],
    "other_brand_models": [
        (
            r"(?P<n>[\d,]+) of (?P<total>[\d,]+) rows purchased models of (?P<other>\w+) "
            r"\((?P<models>.+)\); kept as (?P<brand>\w+) customers",
            "{total}행 중 {n}행이 {other} 모델을 구매했습니다 ({models}). {brand} 고객으로 "
            "유지합니다",
        )
    ],
    "shifted_rows": [
        (
            r"(?P<n>[\d,]+) row\(s\) of plant group\(s\) (?P<groups>.+) carry a row total in the "
            r"first market column with the markets shifted one column right \(lines "
            r"(?P<lines>.+)\); realigned, the total is not counted",
            "공장 그룹 {groups}의 {n}개 행은 첫 시장 열에 행 합계가 있고 시장이 한 칸씩 밀려 "
            "있습니다 (줄 {lines}). 다시 맞추고 합계는 세지 않았습니다",
        )
    ],
    "competitor_partial_year": [
        (
            r"(?P<year>\d{4}) sums to (?P<units>[\d,]+) vehicles over the (?P<n>\d+) markets also "
            r"in (?P<prev>\d{4}) \((?P<prev_units>[\d,]+)\): a partial year of about "
            r"(?P<months>\d+) month\(s\) from January; competitor comparisons use our sales of the "
            r"same months only \((?P<period>.+)\)",
            "{year}년 합계 {units}대({prev}년에도 있는 {n}개 시장; "
            "{prev}년 {prev_units}대): 1월부터 "
            "약 {months}개월의 부분 연도입니다. 경쟁 비교는 같은 달({period})의 우리 판매만 씁니다",
        )
    ],
}
