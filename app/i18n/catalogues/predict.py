"""Texts of the customer-prediction page (고객 예측) (data only: `app.i18n` merges it;
`app.i18n.predict` renders errors and reasons)."""

PREDICT_STRINGS: dict[str, dict[str, str]] = {
    # --- page texts (predict.ui.*; owned by the page) ---
    "predict.ui.title": {"ko": "고객 예측", "en": "Customer prediction"},
    "predict.ui.intro": {
        "ko": "카운터의 새 고객: 세그먼트와 고객 유형, 먼저 보여 줄 차량 3대와 그 이유, "
        "그리고 후속 관리를 위한 등록.",
        "en": "The new customer at the counter: segment and customer type, the three cars "
        "to show first and why, and registration for the follow-up.",
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
    "predict.ui.cluster": {"ko": "고객 유형", "en": "Customer type"},
    "predict.ui.cluster.value": {"ko": "유형 {cluster}", "en": "Type {cluster}"},
    "predict.ui.probability": {"ko": "확률 {pct:.0f}%", "en": "probability {pct:.0f}%"},
    "predict.ui.probabilities": {"ko": "{target} 확률", "en": "{target} probabilities"},
    "predict.ui.persona": {"ko": "페르소나", "en": "Persona"},
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
        "ko": "입력에 목표값(세그먼트·유형)이나 그로부터 만든 값은 없습니다. 지표는 학습에 쓰지 "
        "않은 검증 폴드에서 계산했습니다.",
        "en": "No input is the target (segment, type) or derived from it. Metrics come from "
        "held-out cross-validation folds.",
    },
    "predict.ui.card.target.segment": {"ko": "세그먼트", "en": "Segment"},
    "predict.ui.card.target.cluster": {"ko": "고객 유형", "en": "Customer type"},
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
        "ko": "카운터 입력 {n}개 특성으로 학습한 분류기. 군집 파이프라인은 최근성(마지막 구매 후 "
        "일수)이 필요해 신규 고객에게 쓸 수 없습니다.",
        "en": "A classifier on {n} counter features. The clustering pipeline needs recency "
        "(days since the last purchase), which a new customer does not have.",
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
        "세그먼트 {segment} · 유형 {cluster} · 모델 버전 {version}",
        "en": "Registered as a prospect (not a purchase). Prospect ID {prospect_id} · "
        "segment {segment} · type {cluster} · model version {version}",
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
        "predict.reason.cluster_share": {
            "ko": "유형 {cluster} 고객의 {share_pct}%가 구매",
            "en": "Bought by {share_pct}% of type-{cluster} customers",
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
