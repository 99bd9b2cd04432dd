"""Texts of the customer-prediction page (고객 예측) (data only: `app.i18n` merges it;
`app.i18n.predict` renders errors and reasons)."""

PREDICT_STRINGS: dict[str, dict[str, str]] = {
    # --- page texts (predict.ui.*; owned by the page) ---
    "predict.ui.title": {"ko": "고객 예측", "en": "Customer prediction"},
    "predict.ui.intro": {
        "ko": "카운터의 고객: 구매 이력이 없으면 정의상 신규, 비슷한 고객이 실제로 된 가치 "
        "잠재력 등급(보정된 확률), 희망 차급·예산·친환경을 따르는 차량 3대와 그 이유, 후속 "
        "관리를 위한 등록. 기존 고객은 조회하면 예측이 아닌 실제 기록을 보여 줍니다.",
        "en": "The customer at the counter: with no purchases a prospect is new by "
        "definition; the value potential similar customers reached (calibrated "
        "probabilities); three cars that follow the wanted class, budget and eco wish, and "
        "why; registration for the follow-up. A returning customer, once looked up, shows "
        "the real record, not a prediction.",
    },
    # returning-customer lookup
    "predict.ui.lookup.title": {"ko": "기존 고객 조회", "en": "Returning customer"},
    "predict.ui.lookup.hint": {
        "ko": "전화번호, 이메일 또는 사용자 ID로 찾습니다(선택한 브랜드의 고객만). 찾은 "
        "고객은 실제 세그먼트·유형·구매 이력을 보여 줍니다.",
        "en": "Find by phone, e-mail or user ID (customers of the chosen brand only). A "
        "customer found shows their real segment, type and purchase history.",
    },
    "predict.ui.lookup.label": {
        "ko": "전화번호 · 이메일 · 사용자 ID",
        "en": "Phone · e-mail · user ID",
    },
    "predict.ui.lookup.placeholder": {
        "ko": "예: 010-1234-5678, kim@example.com",
        "en": "e.g. +1 650 253 0000, kim@example.com",
    },
    "predict.ui.lookup.submit": {"ko": "조회", "en": "Look up"},
    "predict.ui.lookup.none": {
        "ko": "{brand} 고객 중 '{query}'와 일치하는 고객이 없습니다. 처음 온 고객이면 아래 "
        "양식으로 예측하세요.",
        "en": "No {brand} customer matches '{query}'. For a first-time customer, use the "
        "form below.",
    },
    "predict.ui.lookup.found": {
        "ko": "{brand} 고객 {n}명이 일치합니다 (예측이 아닌 웨어하우스의 실제 기록)",
        "en": "{n} {brand} customer(s) match (the warehouse's real record, not a prediction)",
    },
    "predict.ui.lookup.customer": {"ko": "고객 {customer_id}", "en": "Customer {customer_id}"},
    "predict.ui.lookup.segment": {"ko": "실제 세그먼트", "en": "Actual segment"},
    "predict.ui.lookup.type": {"ko": "고객 유형", "en": "Customer type"},
    "predict.ui.lookup.type.value": {
        "ko": "유형 {cluster} — {persona}",
        "en": "Type {cluster} — {persona}",
    },
    "predict.ui.lookup.history": {"ko": "구매 이력", "en": "Purchase history"},
    "predict.ui.lookup.history.text": {
        "ko": "구매 {count}회 · 최근 구매 {date} ({days:,}일 전, 학습 기준일 기준) · {model} · "
        "{mkrw:,.1f}백만원 · {market}",
        "en": "{count} purchase(s) · last on {date} ({days:,} days before the training "
        "date) · {model} · KRW {mkrw:,.1f}M · {market}",
    },
    "predict.ui.lookup.not_trained": {
        "ko": "아직 학습되지 않아 세그먼트가 없습니다 (`carsight train`).",
        "en": "Not trained yet: no segment (`carsight train`).",
    },
    "predict.error.field.lookup": {"ko": "조회", "en": "Lookup"},
    "predict.error.not_an_email": {
        "ko": "{field}: 이메일 주소 형식이 아닙니다 (입력: {value})",
        "en": "{field}: not an e-mail address (got: {value})",
    },
    "predict.error.too_short": {
        "ko": "{field}: 너무 짧습니다 (입력: {value}). 전화번호, 이메일 또는 사용자 ID를 "
        "입력하세요",
        "en": "{field}: too short (got: {value}); enter a phone number, e-mail or user ID",
    },
    "predict.ui.form.title": {"ko": "1. 고객 정보", "en": "1. Customer"},
    "predict.ui.form.hint": {
        "ko": "카운터에서 알 수 있는 정보만 입력합니다. 이름·연락처는 예측에 쓰이지 않습니다.",
        "en": "Only what a dealer knows at the counter. Name and contact details never "
        "influence the prediction.",
    },
    "predict.ui.brand": {"ko": "브랜드", "en": "Brand"},
    "predict.ui.gender": {"ko": "성별", "en": "Gender"},
    "predict.ui.gender.M": {"ko": "남성", "en": "Male"},
    "predict.ui.gender.F": {"ko": "여성", "en": "Female"},
    "predict.ui.age": {"ko": "나이", "en": "Age"},
    "predict.ui.birth_date": {"ko": "생년월일 (선택)", "en": "Birth date (optional)"},
    "predict.ui.birth_date.hint": {
        "ko": "나이를 비우면 생년월일로 계산합니다.",
        "en": "Leave the age empty to use the birth date.",
    },
    "predict.ui.market": {"ko": "시장", "en": "Market"},
    "predict.ui.vehicle_class": {"ko": "희망 차급", "en": "Intended vehicle class"},
    "predict.ui.model_of_interest": {
        "ko": "관심 모델 (선택)",
        "en": "Model of interest (optional)",
    },
    "predict.ui.model.none": {"ko": "선택 안 함", "en": "None"},
    "predict.ui.eco_friendly": {"ko": "친환경차", "en": "Eco-friendly"},
    "predict.ui.eco.switch": {
        "ko": "친환경차(전기·하이브리드·수소) 선호",
        "en": "Prefers an eco-friendly car (EV, hybrid, hydrogen)",
    },
    "predict.ui.budget": {"ko": "예산 (원)", "en": "Budget (KRW)"},
    "predict.ui.budget.placeholder": {"ko": "예: 45,000,000", "en": "e.g. 45,000,000"},
    "predict.ui.budget.hint": {
        "ko": "{krw:,}원 = {manwon:,}만 원",
        "en": "KRW {krw:,} = {mkrw:,.1f} million",
    },
    "predict.ui.budget.range": {
        "ko": "이 브랜드 고객의 거래액 범위: {min:,}–{max:,}원",
        "en": "This brand's customers paid KRW {min:,}–{max:,}",
    },
    "predict.ui.payment_method": {"ko": "결제 방법", "en": "Payment method"},
    "predict.ui.channel": {"ko": "구매 채널", "en": "Channel"},
    "predict.ui.purchase_count": {"ko": "이전 구매 횟수", "en": "Previous purchases"},
    "predict.ui.submit": {"ko": "예측하기", "en": "Predict"},
    "predict.ui.rejected": {
        "ko": "입력을 확인하세요: {fields}. 결과는 바뀌지 않았습니다.",
        "en": "Please check: {fields}. Nothing was changed.",
    },
    "predict.ui.stale": {
        "ko": "예측 모델은 이전 데이터로 학습되었습니다 (그 뒤 데이터가 다시 빌드되었습니다). "
        "현재 데이터로 예측하려면 `carsight train`을 다시 실행하세요.",
        "en": "The prediction models were trained on earlier data (the warehouse has been "
        "rebuilt since). Run `carsight train` again to predict with the current data.",
    },
    "predict.ui.not_trained": {
        "ko": "예측 모델을 불러올 수 없습니다: {detail} — `carsight train`을 실행하세요.",
        "en": "The prediction models could not be loaded: {detail} — run `carsight train`.",
    },
    # values shown in the form (the canonical values stay Korean)
    "predict.ui.value.현금": {"ko": "현금", "en": "Cash"},
    "predict.ui.value.계좌이체": {"ko": "계좌이체", "en": "Bank transfer"},
    "predict.ui.value.신용카드": {"ko": "신용카드", "en": "Credit card"},
    "predict.ui.value.온라인": {"ko": "온라인", "en": "Online"},
    "predict.ui.value.오프라인": {"ko": "오프라인", "en": "Offline"},
    "predict.ui.value.소형 해치백": {"ko": "소형 해치백", "en": "Small hatchback"},
    "predict.ui.value.준중형 해치백": {"ko": "준중형 해치백", "en": "Compact hatchback"},
    "predict.ui.value.준중형 세단": {"ko": "준중형 세단", "en": "Compact sedan"},
    "predict.ui.value.중형 세단": {"ko": "중형 세단", "en": "Midsize sedan"},
    "predict.ui.value.준대형 세단": {"ko": "준대형 세단", "en": "Full-size sedan"},
    "predict.ui.value.대형 세단": {"ko": "대형 세단", "en": "Large sedan"},
    "predict.ui.value.준중형 SUV": {"ko": "준중형 SUV", "en": "Compact SUV"},
    "predict.ui.value.중형 SUV": {"ko": "중형 SUV", "en": "Midsize SUV"},
    "predict.ui.value.준대형 SUV": {"ko": "준대형 SUV", "en": "Full-size SUV"},
    "predict.ui.value.대형 SUV": {"ko": "대형 SUV", "en": "Large SUV"},
    "predict.ui.value.픽업트럭": {"ko": "픽업트럭", "en": "Pickup truck"},
    # result
    "predict.ui.result.title": {"ko": "2. 예측 결과", "en": "2. Prediction"},
    "predict.ui.result.empty": {
        "ko": "고객 정보를 입력하고 '예측하기'를 누르세요.",
        "en": "Fill in the customer and press 'Predict'.",
    },
    "predict.ui.segment": {"ko": "세그먼트", "en": "Segment"},
    "predict.ui.segment.no_purchases": {
        "ko": "구매 이력이 없는 고객은 정의상 신규입니다 (예측 아님).",
        "en": "A customer with no purchases is new by definition (not a prediction).",
    },
    "predict.ui.segment.history_needed": {
        "ko": "이전 구매가 있는 고객: 세그먼트는 구매 이력에서 나옵니다. 위의 '기존 고객 "
        "조회'로 찾으세요.",
        "en": "A customer who bought before: the segment comes from their history; find "
        "them with 'Returning customer' above.",
    },
    "predict.ui.segment.unknown": {"ko": "이력 조회 필요", "en": "Look up the history"},
    "predict.ui.tier": {"ko": "가치 잠재력", "en": "Value potential"},
    "predict.ui.tier.hint": {
        "ko": "카운터 정보가 비슷한 고객이 실제로 된 가치(거래 금액 × 구매 횟수) 등급: VIP 잠재 "
        "= 상위 25%, 실속 = 하위 25%, 일반 = 그 사이. 확률은 보정되었습니다.",
        "en": "The value (amount × purchases) customers like this one actually reached: VIP "
        "potential = top 25%, budget-minded = bottom 25%, regular = between. Probabilities "
        "are calibrated.",
    },
    "tier.VIP 잠재": {"ko": "VIP 잠재", "en": "VIP potential"},
    "tier.일반": {"ko": "일반", "en": "Regular"},
    "tier.실속": {"ko": "실속", "en": "Budget-minded"},
    "predict.ui.probability": {"ko": "확률 {pct:.0f}%", "en": "probability {pct:.0f}%"},
    "predict.ui.probabilities": {"ko": "{target} 확률", "en": "{target} probabilities"},
    # what the catalogue could do for the wishes (analytics.predict.recommend_vehicles.Wishes)
    "predict.ui.wish.class.met": {
        "ko": "희망 차급 {vehicle_class}: 예산 ±{band}% 안에 {n}개 모델 — 추천은 이 중에서 먼저",
        "en": "Wanted class {vehicle_class}: {n} model(s) within ±{band}% of the budget — "
        "the cars come from these first",
    },
    "predict.ui.wish.class.out_of_budget": {
        "ko": "희망 차급 {vehicle_class}는 예산 ±{band}% 안에 없습니다(이 차급 예상 가격 "
        "{min_mkrw:,.1f}–{max_mkrw:,.1f}백만원). 같은 차체로 예산에 맞는 모델을 먼저 "
        "보여 줍니다.",
        "en": "No {vehicle_class} within ±{band}% of the budget (this class is expected at "
        "KRW {min_mkrw:,.1f}–{max_mkrw:,.1f}M); same-body models within the budget come "
        "first.",
    },
    "predict.ui.wish.class.not_in_catalogue": {
        "ko": "이 브랜드에는 구매 기록이 있는 {vehicle_class} 모델이 없습니다(모델 "
        "카탈로그 기준). 같은 차체로 예산에 맞는 모델을 먼저 보여 줍니다.",
        "en": "This brand has no {vehicle_class} that its customers bought (model "
        "catalogue); same-body models within the budget come first.",
    },
    "predict.ui.wish.eco.met": {
        "ko": "친환경: 그중 {n}개 모델이 친환경 파워트레인을 제공 — 먼저 표시",
        "en": "Eco: {n} of them offer an eco powertrain — shown first",
    },
    "predict.ui.wish.eco.no_eco_in_class": {
        "ko": "친환경 희망: 예산 안의 {vehicle_class}에는 친환경 파워트레인이 없습니다.",
        "en": "Eco wish: no {vehicle_class} within the budget offers an eco powertrain.",
    },
    "predict.ui.wish.eco.class_unmet": {
        "ko": "친환경 희망은 대체 모델의 순서에 반영했습니다(친환경 파워트레인 제공 모델 먼저).",
        "en": "The eco wish orders the alternatives (models offering an eco powertrain first).",
    },
    "predict.ui.rec.spec": {"ko": "{body} · {powertrain}", "en": "{body} · {powertrain}"},
    "predict.ui.recs.title": {"ko": "먼저 보여 줄 차량 {n}대", "en": "{n} cars to show first"},
    "predict.ui.rec.rank": {"ko": "{rank}위", "en": "#{rank}"},
    "predict.ui.rec.price": {
        "ko": "예상 가격 {manwon:,}만 원",
        "en": "Expected price KRW {mkrw:,.1f}M",
    },
    "predict.ui.rec.eco": {"ko": "친환경", "en": "Eco"},
    "predict.ui.rec.score": {"ko": "적합도 점수 {score:.2f}", "en": "Fit score {score:.2f}"},
    "predict.ui.rec.interest": {"ko": "관심 모델", "en": "Model of interest"},
    "predict.ui.interest.title": {
        "ko": "관심 모델 {model}: 추천 순위 {rank}위",
        "en": "Model of interest {model}: ranked #{rank}",
    },
    "predict.ui.interest.outside": {
        "ko": "상위 3대 밖이지만 고객이 관심을 보인 모델입니다. 적합도:",
        "en": "Outside the top three, but the customer asked about it. How it fits:",
    },
    "predict.ui.model_version": {"ko": "모델 버전 {version}", "en": "Model version {version}"},
    # model card
    "predict.ui.card.title": {
        "ko": "모델 카드: 교차검증 지표",
        "en": "Model card: cross-validated metrics",
    },
    "predict.ui.card.toggle": {"ko": "모델 카드 보기 / 숨기기", "en": "Show / hide the model card"},
    "predict.ui.card.hint": {
        "ko": "입력에 목표값(가치 등급)이나 그로부터 만든 값(구매 횟수)은 없습니다. 지표는 학습에 "
        "쓰지 않은 검증 폴드의 보정된 확률에서 계산했습니다.",
        "en": "No input is the target (value tier) or derived from it (purchases). Metrics "
        "come from the calibrated probabilities of held-out cross-validation folds.",
    },
    "predict.ui.card.target.tier": {"ko": "가치 잠재력 등급", "en": "Value potential tier"},
    "predict.ui.card.rule": {"ko": "등급 기준", "en": "Tier rule"},
    "predict.ui.card.rule.text": {
        "ko": "가치 = 거래 금액 × 구매 횟수. VIP 잠재 ≥ {p75_mkrw:,.1f}백만원(상위 25%), 실속 < "
        "{p25_mkrw:,.1f}백만원(하위 25%), 일반 = 그 사이",
        "en": "value = amount × purchases. VIP potential ≥ KRW {p75_mkrw:,.1f}M (top 25%), "
        "budget-minded < KRW {p25_mkrw:,.1f}M (bottom 25%), regular between",
    },
    "predict.ui.card.log_loss": {"ko": "로그 손실", "en": "Log loss"},
    "predict.ui.card.brier": {"ko": "Brier 점수", "en": "Brier score"},
    "predict.ui.card.ece": {"ko": "기대 보정 오차(ECE)", "en": "Expected calibration error"},
    "predict.ui.card.calibration": {"ko": "확률 보정", "en": "Calibration"},
    "predict.ui.card.calibration.text": {
        "ko": "CalibratedClassifierCV ({method}, {cv}겹), 각 학습 폴드 안에서",
        "en": "CalibratedClassifierCV ({method}, {cv}-fold), inside every training fold",
    },
    "predict.ui.card.prior": {"ko": "비율 기준 (확률)", "en": "Class-share baseline"},
    "predict.ui.card.prior.text": {
        "ko": "로그 손실 {log_loss:.3f} · Brier {brier:.3f} (모든 고객에게 등급 비율을 확률로)",
        "en": "log loss {log_loss:.3f} · Brier {brier:.3f} (the tier shares as everyone's "
        "probabilities)",
    },
    "predict.ui.card.reliability": {
        "ko": "신뢰도 표: 최고 확률 구간별 평균 확률과 실제 정답 비율",
        "en": "Reliability: mean top probability and actual accuracy per bin",
    },
    "predict.ui.card.bin": {"ko": "확률 구간", "en": "Probability bin"},
    "predict.ui.card.bin_rows": {"ko": "고객 수", "en": "Customers"},
    "predict.ui.card.confidence": {"ko": "평균 확률", "en": "Mean probability"},
    "predict.ui.card.method": {"ko": "방법", "en": "Method"},
    "predict.ui.card.classifier": {"ko": "선택된 분류기", "en": "Chosen classifier"},
    "predict.ui.card.cv": {"ko": "검증 방식", "en": "Validation"},
    "predict.ui.card.accuracy": {"ko": "정확도", "en": "Accuracy"},
    "predict.ui.card.macro_f1": {"ko": "Macro-F1", "en": "Macro-F1"},
    "predict.ui.card.baseline": {"ko": "다수 클래스 기준 정확도", "en": "Majority-class baseline"},
    "predict.ui.card.candidates": {"ko": "비교한 분류기", "en": "Classifiers compared"},
    "predict.ui.card.confusion": {
        "ko": "혼동 행렬 (행 = 실제, 열 = 예측, 고객 수)",
        "en": "Confusion matrix (rows = actual, columns = predicted, customers)",
    },
    "predict.ui.card.actual": {"ko": "실제 \\ 예측", "en": "Actual \\ predicted"},
    "predict.ui.card.version": {"ko": "모델 버전", "en": "Model version"},
    "predict.ui.card.trained_at": {"ko": "학습 일시", "en": "Trained"},
    "predict.ui.card.rows": {"ko": "학습 고객 수", "en": "Training customers"},
    "predict.ui.card.method.text": {
        "ko": "카운터 입력 {n}개 특성으로 학습한 보정된 분류기. 처음 온 고객에게는 최근성·구매 "
        "횟수가 없으므로 세그먼트는 예측하지 않습니다(구매 이력이 없으면 정의상 신규).",
        "en": "A calibrated classifier on {n} counter features. A first-time customer has no "
        "recency or purchases, so no segment is predicted (with no purchases: new by "
        "definition).",
    },
    "predict.ui.card.cv.text": {
        "ko": "층화 {folds}겹 교차검증 (섞은 뒤 고정 시드), "
        "고객 {rows:,}명의 검증 폴드 예측으로 계산",
        "en": "Stratified {folds}-fold cross-validation (shuffled, fixed seed), computed from "
        "the held-out predictions of {rows:,} customers",
    },
    "predict.ui.card.baseline.text": {
        "ko": "{accuracy:.1f}% (항상 '{majority}'로 예측, Macro-F1 {macro_f1:.3f})",
        "en": "{accuracy:.1f}% (always predicts '{majority}', macro-F1 {macro_f1:.3f})",
    },
    "predict.ui.card.chosen": {"ko": "선택", "en": "chosen"},
    "predict.ui.card.candidate": {"ko": "분류기", "en": "Classifier"},
    # registration
    "predict.ui.reg.title": {"ko": "3. 고객 등록", "en": "3. Register the customer"},
    "predict.ui.reg.hint": {
        "ko": "예측 결과와 모델 버전이 함께 운영 저장소에 저장됩니다. 분석가는 다음 "
        "build/ingest 후 웨어하우스에서 볼 수 있습니다.",
        "en": "Saved to the operational store with the predicted labels and the model "
        "version. Analysts see it in the warehouse after the next build/ingest.",
    },
    "predict.ui.reg.name": {"ko": "이름", "en": "Name"},
    "predict.ui.reg.phone": {"ko": "전화번호", "en": "Phone"},
    "predict.ui.reg.phone.placeholder": {
        "ko": "예: 010-1234-5678 또는 +1 415 555 0100",
        "en": "e.g. +82 10-1234-5678",
    },
    "predict.ui.reg.email": {"ko": "이메일", "en": "E-mail"},
    "predict.ui.reg.address": {"ko": "주소", "en": "Address"},
    "predict.ui.reg.user_id": {"ko": "사용자 ID", "en": "User ID"},
    "predict.ui.reg.signup_date": {"ko": "가입일", "en": "Sign-up date"},
    "predict.ui.reg.submit": {"ko": "고객 등록", "en": "Register"},
    "predict.ui.reg.saved": {
        "ko": "가망 고객으로 등록했습니다(구매 기록 아님). 가망 고객 ID {prospect_id} · "
        "세그먼트 {segment} · 가치 잠재력 {tier} ({pct:.0f}%) · 모델 버전 {version}",
        "en": "Registered as a prospect (not a purchase). Prospect ID {prospect_id} · "
        "segment {segment} · value potential {tier} ({pct:.0f}%) · model version {version}",
    },
    "predict.ui.reg.duplicate_generic": {
        "ko": "이미 등록된 고객입니다",
        "en": "This customer is already registered",
    },
    "predict.ui.reg.duplicate": {
        "ko": "이미 등록된 {field}입니다 ({value}). 저장하지 않았습니다. 다른 값을 입력하세요.",
        "en": "This {field} is already registered ({value}). Nothing was saved; use another value.",
    },
    "predict.ui.reg.rejected": {
        "ko": "입력을 확인하세요: {fields}. 저장하지 않았습니다.",
        "en": "Please check: {fields}. Nothing was saved.",
    },
    "predict.ui.reg.need_prediction": {
        "ko": "먼저 '예측하기'로 예측을 실행하세요.",
        "en": "Run a prediction first ('Predict').",
    },
    "predict.ui.reg.store_failed": {
        "ko": "운영 저장소에 쓰지 못했습니다: {detail}. 잠시 후 다시 시도하세요.",
        "en": "Could not write the operational store: {detail}. Try again shortly.",
    },
}

# --- engine texts (predict.error.*, predict.reason.*; owned by analytics.predict) ---
# Error and reason codes come from analytics.predict (FieldError, Reason); the
# templates below are filled by `render_error` / `render_reason`.
PREDICT_STRINGS.update(
    {
        # field names inside error messages
        "predict.error.field.gender": {"ko": "성별", "en": "Gender"},
        "predict.error.field.age": {"ko": "나이", "en": "Age"},
        "predict.error.field.birth_date": {"ko": "생년월일", "en": "Birth date"},
        "predict.error.field.market": {"ko": "시장", "en": "Market"},
        "predict.error.field.vehicle_class": {"ko": "희망 차급", "en": "Vehicle class"},
        "predict.error.field.model_of_interest": {"ko": "관심 모델", "en": "Model of interest"},
        "predict.error.field.eco_friendly": {"ko": "친환경차 선호", "en": "Eco-friendly"},
        "predict.error.field.budget": {"ko": "예산", "en": "Budget"},
        "predict.error.field.payment_method": {"ko": "결제 방법", "en": "Payment method"},
        "predict.error.field.channel": {"ko": "구매 채널", "en": "Channel"},
        "predict.error.field.purchase_count": {"ko": "이전 구매 횟수", "en": "Previous purchases"},
        "predict.error.field.name": {"ko": "이름", "en": "Name"},
        "predict.error.field.phone": {"ko": "전화번호", "en": "Phone"},
        "predict.error.field.email": {"ko": "이메일", "en": "E-mail"},
        "predict.error.field.address": {"ko": "주소", "en": "Address"},
        "predict.error.field.user_id": {"ko": "사용자 ID", "en": "User ID"},
        "predict.error.field.signup_date": {"ko": "가입일", "en": "Sign-up date"},
        # input errors
        "predict.error.required": {"ko": "{field}: 필수 입력입니다", "en": "{field}: required"},
        "predict.error.not_a_number": {
            "ko": "{field}: 숫자로 입력하세요 (입력: {value})",
            "en": "{field}: enter a number (got: {value})",
        },
        "predict.error.not_an_integer": {
            "ko": "{field}: 정수로 입력하세요 (입력: {value})",
            "en": "{field}: enter a whole number (got: {value})",
        },
        "predict.error.not_a_date": {
            "ko": "{field}: YYYY-MM-DD 형식으로 입력하세요 (입력: {value})",
            "en": "{field}: enter a date as YYYY-MM-DD (got: {value})",
        },
        "predict.error.not_a_boolean": {
            "ko": "{field}: 예/아니오(true/false)로 입력하세요 (입력: {value})",
            "en": "{field}: enter yes/no (true/false) (got: {value})",
        },
        "predict.error.unknown_value": {
            "ko": "{field}: 알 수 없는 값입니다 (입력: {value}). 가능한 값: {choices}",
            "en": "{field}: unknown value (got: {value}). Valid: {choices}",
        },
        "predict.error.age_range": {
            "ko": "나이는 {min}~{max}세여야 합니다 (입력: {value})",
            "en": "Age must be {min}-{max} (got: {value})",
        },
        "predict.error.birth_date_future": {
            "ko": "생년월일이 미래 날짜입니다 (입력: {value})",
            "en": "The birth date is in the future (got: {value})",
        },
        "predict.error.budget_not_positive": {
            "ko": "예산은 0원보다 커야 합니다 (입력: {value:,}원)",
            "en": "The budget must be above 0 (got: KRW {value:,})",
        },
        "predict.error.budget_range": {
            "ko": "예산은 이 브랜드에서 {min:,}~{max:,}원 범위여야 합니다 (입력: {value:,}원)",
            "en": "For this brand the budget must be KRW {min:,}-{max:,} (got: KRW {value:,})",
        },
        "predict.error.purchase_count_negative": {
            "ko": "이전 구매 횟수는 0 이상이어야 합니다 (입력: {value})",
            "en": "Previous purchases must be 0 or more (got: {value})",
        },
        # registration errors
        "predict.error.invalid_phone": {
            "ko": "{field}: 전화번호 형식이 아닙니다 (입력: {value}). 예: 010-1234-5678, "
            "+1 415 555 0100",
            "en": "{field}: not a phone number (got: {value}). E.g. 010-1234-5678, +1 415 555 0100",
        },
        "predict.error.invalid_email": {
            "ko": "{field}: 올바른 이메일 주소가 아닙니다 (입력: {value})",
            "en": "{field}: not a valid e-mail address (got: {value}; {reason})",
        },
        "predict.error.invalid_user_id": {
            "ko": "{field}: 영문·숫자와 . _ - 만 쓸 수 있으며 {min}~{max}자여야 합니다 "
            "(입력: {value})",
            "en": "{field}: use letters, digits and . _ - only, {min}-{max} characters "
            "(got: {value})",
        },
        "predict.error.too_long": {
            "ko": "{field}: {max}자 이하로 입력하세요",
            "en": "{field}: at most {max} characters",
        },
        "predict.error.formula_like": {
            "ko": "{field}: '{first}'(으)로 시작할 수 없습니다 (스프레드시트가 수식으로 "
            "실행합니다). 앞 글자를 바꾸세요",
            "en": "{field}: must not start with '{first}' (a spreadsheet would run it as a "
            "formula); change the first character",
        },
        "predict.error.duplicate": {
            "ko": "{field}: 이미 등록된 값입니다 (입력: {value}). 다른 값을 입력하세요",
            "en": "{field}: already registered (got: {value}); use another value",
        },
        # recommendation reasons
        "predict.reason.tier_share": {
            "ko": "'{tier}' 등급 고객의 {share_pct}%가 구매",
            "en": "Bought by {share_pct}% of '{tier}' customers",
        },
        "predict.reason.class_match": {
            "ko": "희망 차급 {vehicle_class}",
            "en": "The wanted class, {vehicle_class}",
        },
        "predict.reason.class_unmet.met": {
            "ko": "희망 차급 아님: {model_class} (예산 ±{band_pct}% 안의 {vehicle_class}는 "
            "{fits}개뿐)",
            "en": "Not the wanted class: {model_class} (only {fits} {vehicle_class} within "
            "±{band_pct}% of the budget)",
        },
        "predict.reason.class_unmet.out_of_budget": {
            "ko": "희망 차급 아님: {model_class} ({vehicle_class}는 예상 가격 {min_mkrw:,.1f}–"
            "{max_mkrw:,.1f}백만원으로 예산 ±{band_pct}% 밖)",
            "en": "Not the wanted class: {model_class} (a {vehicle_class} is expected at KRW "
            "{min_mkrw:,.1f}–{max_mkrw:,.1f}M, outside ±{band_pct}% of the budget)",
        },
        "predict.reason.class_unmet.not_in_catalogue": {
            "ko": "희망 차급 아님: {model_class} (이 브랜드에 {vehicle_class} 모델 없음)",
            "en": "Not the wanted class: {model_class} (the brand has no {vehicle_class})",
        },
        "predict.reason.budget_unmet": {
            "ko": "예산 ±{band_pct}% 밖 (예산의 {ratio_pct}%)",
            "en": "Outside ±{band_pct}% of the budget ({ratio_pct}% of it)",
        },
        "predict.reason.eco_unmet": {
            "ko": "친환경 파워트레인 없음 (예산 안의 {vehicle_class} 중 친환경 모델 "
            "{eco_models}개)",
            "en": "No eco powertrain ({eco_models} eco {vehicle_class} model(s) within the budget)",
        },
        "predict.reason.market_rank": {
            "ko": "이 시장 판매 Top-{top} 중 {rank}위",
            "en": "#{rank} of the top {top} in this market",
        },
        "predict.reason.market_not_top": {
            "ko": "이 시장 판매 Top-{top} 밖",
            "en": "Outside this market's top {top}",
        },
        "predict.reason.budget_ratio": {
            "ko": "예산 대비 {ratio_pct}%",
            "en": "{ratio_pct}% of the budget",
        },
        "predict.reason.class_share": {
            "ko": "{vehicle_class} 희망 고객의 {share_pct}%가 구매",
            "en": "Bought by {share_pct}% of customers wanting a {vehicle_class}",
        },
        "predict.reason.eco_match": {
            "ko": "친환경 선호와 일치",
            "en": "Matches the eco-friendly preference",
        },
        "predict.reason.eco_mismatch": {
            "ko": "친환경 선호와 불일치 (친환경 모델 아님)",
            "en": "Not eco-friendly, unlike the preference",
        },
        "predict.reason.interest_rank": {
            "ko": "관심 모델: 전체 {total}개 모델 중 {rank}위",
            "en": "Model of interest: #{rank} of {total} models",
        },
    }
)
