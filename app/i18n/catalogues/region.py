"""Texts of the dealer page's 지역 (region) view and of `carsight analyze regions` (data
only: `app.i18n` merges REGION_STRINGS; `app.i18n.region` renders them).

Insight templates are `str.format` templates over the `values` of an
`analytics.insights.Insight` made by `analytics.region.region_insights`, so a
sentence holds no number that was not computed.
"""

# Short 시·도 names (warehouse.region.KOREAN_REGIONS) in English; US state codes stay codes.
REGION_EN = {
    "서울": "Seoul", "부산": "Busan", "대구": "Daegu", "인천": "Incheon", "광주": "Gwangju",
    "대전": "Daejeon", "울산": "Ulsan", "세종": "Sejong", "경기": "Gyeonggi",
    "강원": "Gangwon", "충북": "Chungbuk", "충남": "Chungnam", "전북": "Jeonbuk",
    "전남": "Jeonnam", "경북": "Gyeongbuk", "경남": "Gyeongnam", "제주": "Jeju",
}  # fmt: skip

REGION_STRINGS: dict[str, dict[str, str]] = {
    "region.title": {
        "ko": "7. 지역: 지역별 선호 차체·모델",
        "en": "7. Regions: preferred body type and model",
    },
    "region.hint": {
        "ko": "주소에서 읽은 시·도(미국은 주)별 차체 비중과 대표 모델입니다. 지역을 누르면 "
        "위의 세그먼트·군집·인사이트가 그 지역 고객으로 좁혀집니다. 고객 {min}명 미만 "
        "지역은 회색(표본 부족)이며 제안이 없습니다.",
        "en": "Body-type shares and the top model per province (state in the US), read from "
        "the customers' addresses. Click a region to narrow the segments, customer types and "
        "insights above to its customers. Regions with fewer than {min} customers are grey "
        "(small sample) and get no suggestion.",
    },
    "region.filter": {"ko": "지역", "en": "Region"},
    "region.all": {"ko": "전체", "en": "All"},
    "region.selected": {
        "ko": "선택한 지역: {region} — 세그먼트·군집·인사이트·고객 목록이 이 지역 고객 "
        "{customers:,}명으로 좁혀졌습니다.",
        "en": "Selected region: {region} — segments, customer types, insights and the "
        "customer list show its {customers:,} customers only.",
    },
    "region.clear": {"ko": "지역 선택 해제", "en": "Clear region"},
    "region.unknown": {
        "ko": "주소로 지역을 알 수 없는 고객 {unknown:,}명(전체 {total:,}명 중)은 지역 "
        "보기에서 빠집니다(군사 우편·기타 국가 형식은 추정하지 않음).",
        "en": "{unknown:,} of {total:,} customers have an address whose region is unknown "
        "(military mail, other countries' formats are never guessed); the region view "
        "leaves them out.",
    },
    "region.no_regions": {
        "ko": "이 조건의 고객 주소에서 지역을 읽을 수 없습니다.",
        "en": "No customer address in this selection gives a region.",
    },
    "region.small_sample": {"ko": "표본 부족", "en": "small sample"},
    "region.insights": {"ko": "지역별 인사이트", "en": "Insights by region"},
    "region.body_source": {
        "ko": "차체는 구매 모델의 모델 카탈로그 기준입니다(고객 데이터의 차량구분 아님).",
        "en": "Body types are those of the purchased model in the model catalogue (not the "
        "customers' own vehicle class).",
    },
    "fig.region.title": {
        "ko": "지역 × 차체 비중 (%)",
        "en": "Body-type share by region (%)",
    },
    "region.heatmap_top": {
        "ko": "차트는 고객이 많은 {shown}개 지역만 보여 줍니다. 전체 {total}개 지역은 아래 "
        "표에 있습니다.",
        "en": "The chart shows the {shown} regions with most customers; all {total} regions "
        "are in the table below.",
    },
    "fig.region.hover": {
        "ko": "%{y} · %{x}: %{z:.1f}%<extra></extra>",
        "en": "%{y} · %{x}: %{z:.1f}%<extra></extra>",
    },
    "axis.region": {"ko": "지역", "en": "Region"},
    "axis.body_type": {"ko": "차체", "en": "Body type"},
    "col.region": {"ko": "지역", "en": "Region"},
    "col.top_body_type": {"ko": "선호 차체", "en": "Top body type"},
    "col.top_body_type_share": {"ko": "선호 차체 비중 (%)", "en": "Top body type share (%)"},
    "col.body_type_average_share": {
        "ko": "차체 전체 평균 (%)",
        "en": "Body type, overall (%)",
    },
    "col.top_body_type_customers": {"ko": "선호 차체 고객 수", "en": "Top body type buyers"},
    "col.top_model_customers": {"ko": "대표 모델 고객 수", "en": "Top model buyers"},
    "col.small_sample": {"ko": "표본 부족", "en": "Small sample"},
    # analytics.region.region_insights
    "insight.region": {
        "ko": "{region} — {body_type} {share_pct}% (대표 모델 {model} {model_pct}%)",
        "en": "{region} — {body_type} {share_pct}% (top model {model} {model_pct}%)",
    },
    "action.region.stock": {
        "ko": "{region}: {body_type} 재고 비중 확대 검토 ({body_type} {share_pct}%, "
        "전체 평균 {average_pct}%)",
        "en": "{region}: consider a larger {body_type} share of stock ({body_type} "
        "{share_pct}%, overall average {average_pct}%)",
    },
    "insight.region.small": {
        "ko": "{region} — 표본 부족 (고객 {customers:,}명)",
        "en": "{region} — small sample ({customers:,} customers)",
    },
}
