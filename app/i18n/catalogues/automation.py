"""Texts of the automation area: reports, e-mails, schedules and data upload.

AUTOMATION_STRINGS is data: `app.i18n` merges it into the one catalogue.
"""

from __future__ import annotations

AUTOMATION_STRINGS: dict[str, dict[str, str]] = {
    # --- report ---------------------------------------------------------------------------
    "report.title": {
        "ko": "CarSight 판매 전략 보고서",
        "en": "CarSight sales strategy report",
    },
    "report.subtitle": {
        "ko": "브랜드 {brand} · 시장 {market} · 기간 {period} · 데이터 출처 {source}",
        "en": "Brand {brand} · market {market} · period {period} · source {source}",
    },
    "report.generated": {"ko": "작성 {when}", "en": "Generated {when}"},
    "report.period.all": {"ko": "전체 기간", "en": "all months"},
    "report.market.auto": {
        "ko": "{market} (판매 최대 시장)",
        "en": "{market} (largest market)",
    },
    "report.kpis": {"ko": "1. 핵심 지표와 전년 대비", "en": "1. Key figures and year-over-year"},
    "report.kpis.hint": {
        "ko": "전년 대비는 두 해 모두 보고된 달만 비교합니다 (보고되지 않은 달은 0이 아니라 없음).",
        "en": "Year-over-year compares only months reported in both years (an unreported "
        "month is missing, never zero).",
    },
    "report.top_models": {"ko": "2. 시장별 상위 모델", "en": "2. Top models per market"},
    "report.deviation": {
        "ko": "3. {market}: 전체 시장 대비 편차",
        "en": "3. {market}: deviation from the global mix",
    },
    "report.heatmap": {"ko": "4. 다중 시장 히트맵", "en": "4. Multi-market heatmap"},
    "report.forecast": {
        "ko": "5. 수요 예측과 백테스트 품질",
        "en": "5. Forecast and backtest quality",
    },
    "report.forecast.series": {
        "ko": "계열 {series} · 선택 모델 {model} · 80% 구간",
        "en": "Series {series} · chosen model {model} · 80% interval",
    },
    "report.forecast.none": {
        "ko": "저장된 예측이 없습니다. `carsight forecast`를 실행하세요.",
        "en": "No stored forecast. Run `carsight forecast`.",
    },
    "report.forecast.quarters": {"ko": "분기별 예측", "en": "Forecast per quarter"},
    "report.forecast.accuracy": {
        "ko": "이 계열의 백테스트 정확도 (최근 기준 시점)",
        "en": "Backtest accuracy of this series (latest cutoff)",
    },
    "report.forecast.leaderboard": {
        "ko": "모델별 백테스트 순위 (MASE 중앙값, 1 미만이면 계절 나이브보다 우수)",
        "en": "Backtest leaderboard (median MASE; below 1 beats seasonal naive)",
    },
    "report.segments": {
        "ko": "6. 고객 세그먼트와 고객 유형 구성",
        "en": "6. Segment and customer-type mix",
    },
    "report.segments.none": {
        "ko": "세분화 모델이 아직 학습되지 않았습니다. `carsight train`을 실행하세요.",
        "en": "The segmentation has not been trained yet. Run `carsight train`.",
    },
    "report.recommendations": {
        "ko": "7. {market} 추천",
        "en": "7. Recommendations for {market}",
    },
    "report.sheet.kpis": {"ko": "핵심 지표", "en": "KPIs"},
    "report.sheet.top_models": {"ko": "시장별 상위 모델", "en": "Top models"},
    "report.sheet.deviation": {"ko": "편차", "en": "Deviation"},
    "report.sheet.heatmap": {"ko": "히트맵", "en": "Heatmap"},
    "report.sheet.forecast": {"ko": "예측", "en": "Forecast"},
    "report.sheet.forecast_quarters": {"ko": "분기별 예측", "en": "Forecast quarters"},
    "report.sheet.forecast_accuracy": {"ko": "예측 정확도", "en": "Forecast accuracy"},
    "report.sheet.leaderboard": {"ko": "모델 순위", "en": "Leaderboard"},
    "report.sheet.segments": {"ko": "세그먼트", "en": "Segments"},
    "report.sheet.clusters": {"ko": "고객 유형", "en": "Customer types"},
    "report.sheet.recommendations": {"ko": "추천", "en": "Recommendations"},
    "kpi.units": {"ko": "판매 대수", "en": "Units"},
    "kpi.revenue_krw": {"ko": "매출 (원)", "en": "Revenue (KRW)"},
    "kpi.markets": {"ko": "판매 시장 수", "en": "Markets with sales"},
    "kpi.models": {"ko": "판매 모델 수", "en": "Models sold"},
    "col.metric": {"ko": "지표", "en": "Metric"},
    "col.value": {"ko": "기간 값", "en": "Period value"},
    "col.value_compared": {"ko": "비교 월 값", "en": "Value, compared months"},
    "col.previous": {"ko": "전년 동월 값", "en": "Same months a year earlier"},
    "col.yoy_pct": {"ko": "전년 대비 (%)", "en": "Year-over-year (%)"},
    "col.months_reported": {"ko": "보고 월 수", "en": "Months reported"},
    "col.months_compared": {"ko": "비교 월 수", "en": "Months compared"},
    "col.kind": {"ko": "구분", "en": "Kind"},
    "col.text": {"ko": "내용", "en": "Text"},
    # --- e-mail -----------------------------------------------------------------------------
    "mail.greeting": {"ko": "{name}님, 안녕하세요.", "en": "Dear {name},"},
    "mail.no_name": {"ko": "고객", "en": "valued customer"},
    "mail.cars_title": {"ko": "추천 차량", "en": "Recommended cars"},
    "mail.offer_label": {"ko": "혜택:", "en": "Offer:"},
    "mail.closing": {
        "ko": "궁금한 점은 가까운 전시장에 문의해 주세요.",
        "en": "Please contact your nearest showroom with any questions.",
    },
    "mail.footer": {
        "ko": "{brand} 고객 안내 메일입니다. 더 이상 받지 않으려면 아래 링크를 여세요.",
        "en": "You receive this e-mail as a {brand} customer. To stop these e-mails, open "
        "the link below.",
    },
    "mail.unsubscribe": {"ko": "수신 거부", "en": "Unsubscribe"},
    "mail.price": {"ko": "예상 가격 {krw:,}원", "en": "expected price KRW {krw:,}"},
    "mail.eco": {"ko": "친환경", "en": "eco-friendly"},
    # --- automation page ---------------------------------------------------------------------
    "auto.title": {"ko": "자동화", "en": "Automation"},
    "auto.brand": {"ko": "브랜드", "en": "Brand"},
    "auto.market": {"ko": "시장", "en": "Market"},
    "auto.campaign.brand": {"ko": "브랜드", "en": "Brand"},
    "auto.campaign.market": {"ko": "시장 (선택)", "en": "Market (optional)"},
    "auto.campaign.no_types": {
        "ko": "고객 유형이 없습니다. `carsight train`을 실행하세요.",
        "en": "No customer types yet. Run `carsight train`.",
    },
    "auto.formats": {"ko": "형식", "en": "Formats"},
    "auto.period_from": {"ko": "시작 월 (YYYY-MM)", "en": "From month (YYYY-MM)"},
    "auto.period_to": {"ko": "종료 월 (YYYY-MM)", "en": "To month (YYYY-MM)"},
    "auto.report.title": {"ko": "1. 보고서", "en": "1. Reports"},
    "auto.report.hint": {
        "ko": "`carsight report`와 같은 보고서입니다: 핵심 지표, 시장별 상위 모델, 편차, 히트맵, "
        "예측, 세그먼트·고객 유형, 추천. 만드는 데 10–20초 걸립니다.",
        "en": "The same report as `carsight report`: KPIs, top models per market, deviation, "
        "heatmap, forecast, segments and customer types, recommendations. Building it "
        "takes 10–20 s.",
    },
    "auto.report.build": {"ko": "보고서 만들기", "en": "Build the report"},
    "auto.report.no_format": {
        "ko": "형식을 하나 이상 고르세요.",
        "en": "Choose at least one format.",
    },
    "auto.report.failed": {
        "ko": "보고서를 만들 수 없습니다:",
        "en": "The report could not be built:",
    },
    "auto.report.done": {
        "ko": "보고서 {files}개 파일을 {seconds:.1f}초 만에 만들었습니다. 다운로드가 시작됩니다.",
        "en": "Built {files} report file(s) in {seconds:.1f} s; the download starts now.",
    },
    "auto.campaign.title": {"ko": "2. 캠페인 이메일", "en": "2. Campaign e-mails"},
    "auto.campaign.hint": {
        "ko": "세그먼트 또는 고객 유형(선택 시 시장)별로 개인화된 추천 차량과 혜택을 보냅니다. "
        "미리보기로 수신자 수와 메일을 확인한 뒤에만 발송할 수 있습니다. "
        "수신 거부한 고객은 제외됩니다.",
        "en": "Personalised recommended cars and an offer per segment or customer type "
        "(optionally one market). Sending is possible only after the preview shows the "
        "recipient count and the message. Customers who unsubscribed are left out.",
    },
    "auto.campaign.target": {"ko": "대상", "en": "Target"},
    "auto.campaign.target.segment": {"ko": "세그먼트", "en": "Segment"},
    "auto.campaign.target.cluster": {"ko": "고객 유형", "en": "Customer type"},
    "auto.campaign.segment": {"ko": "세그먼트", "en": "Segment"},
    "auto.campaign.cluster": {"ko": "고객 유형 (군집)", "en": "Customer type (cluster)"},
    "auto.campaign.cluster_n": {"ko": "유형 {n}", "en": "Type {n}"},
    "auto.campaign.offer": {
        "ko": "혜택 문구 (비우면 템플릿 기본값)",
        "en": "Offer text (empty = the template's default)",
    },
    "auto.campaign.mode": {
        "ko": "시험 발송 (.eml 파일로 저장)",
        "en": "Dry run (write .eml files)",
    },
    "auto.campaign.preview": {"ko": "미리보기", "en": "Preview"},
    "auto.campaign.send": {"ko": "발송", "en": "Send"},
    "auto.campaign.count": {
        "ko": "수신자 {count:,}명 (수신 거부로 제외 {opted_out:,}명)",
        "en": "{count:,} recipient(s) ({opted_out:,} left out: unsubscribed)",
    },
    "auto.campaign.subject": {"ko": "제목:", "en": "Subject:"},
    "auto.campaign.sample": {"ko": "첫 수신자의 메일", "en": "The first recipient's e-mail"},
    "auto.campaign.sent": {
        "ko": "대기열 {queued:,}건 · 발송 {sent:,}건 · 실패 {failed:,}건 · 시험 발송 {dry_run:,}건 "
        "· 수신 거부 제외 {opted_out:,}명",
        "en": "Queued {queued:,} · sent {sent:,} · failed {failed:,} · dry run {dry_run:,} "
        "· unsubscribed, left out {opted_out:,}",
    },
    "auto.log.title": {"ko": "3. 이메일 기록", "en": "3. E-mail log"},
    "auto.log.hint": {
        "ko": "모든 발송 시도 (수신자, 템플릿, 상태, 오류, 시각 UTC). 실패한 메일은 "
        "`carsight email retry`로 다시 보냅니다.",
        "en": "Every delivery attempt (recipient, template, status, error, time in UTC). "
        "Failed e-mails are sent again by `carsight email retry`.",
    },
    "auto.log.refresh": {"ko": "새로 고침", "en": "Refresh"},
    "auto.schedules.title": {"ko": "4. 일정", "en": "4. Schedules"},
    "auto.schedules.hint": {
        "ko": "`carsight schedule --config schedule.toml`이 실행하는 작업: "
        "마지막·다음 실행과 상태.",
        "en": "The jobs `carsight schedule --config schedule.toml` runs: last and next run, "
        "status.",
    },
    "auto.schedules.none": {"ko": "일정 파일이 없습니다:", "en": "No schedule file:"},
    "auto.upload.title": {"ko": "5. 데이터 업로드", "en": "5. Data upload"},
    "auto.upload.hint": {
        "ko": "IR 또는 고객 파일(.csv, .xlsx, 50 MB 이하)을 올리면 적재하고, 열린 화면은 "
        "새 데이터로 갱신됩니다.",
        "en": "Drop IR or customer files (.csv, .xlsx, up to 50 MB): they are loaded and the "
        "open views refresh with the new data.",
    },
    "auto.upload.drop": {
        "ko": "파일을 여기에 끌어다 놓거나 클릭해 고르세요",
        "en": "Drop files here or click to choose",
    },
    "auto.upload.status.loaded": {"ko": "적재됨", "en": "loaded"},
    "auto.upload.status.duplicate": {"ko": "이미 적재됨", "en": "already loaded"},
    "auto.upload.status.refused": {"ko": "거부됨", "en": "refused"},
    "auto.upload.summary": {
        "ko": "형식 {format} · 읽은 행 {read:,} · 적재 {loaded:,} · 격리 {rejected:,}",
        "en": "Format {format} · rows read {read:,} · loaded {loaded:,} · rejected {rejected:,}",
    },
    "auto.upload.reject": {
        "ko": "{line}행, 열 {column}: {reason}",
        "en": "line {line}, column {column}: {reason}",
    },
    "col.recipient": {"ko": "수신자", "en": "Recipient"},
    "col.outcome": {"ko": "결과", "en": "Outcome"},
    "col.mail_kind": {"ko": "종류", "en": "Kind"},
    "mail.outcome.sent": {"ko": "발송", "en": "sent"},
    "mail.outcome.failed": {"ko": "실패", "en": "failed"},
    "mail.outcome.dry_run": {"ko": "시험 발송 (.eml)", "en": "dry run (.eml)"},
    "mail.outcome.skipped_opt_out": {"ko": "수신 거부로 건너뜀", "en": "skipped: unsubscribed"},
    "mail.kind.report": {"ko": "보고서", "en": "report"},
    "mail.kind.campaign": {"ko": "캠페인", "en": "campaign"},
    "mail.kind.result": {"ko": "예측 결과", "en": "prediction result"},
    "mail.kind.followup": {"ko": "후속 안내", "en": "follow-up"},
    "job.report_email": {"ko": "보고서 메일", "en": "report e-mail"},
    "job.forecast": {"ko": "수요 예측", "en": "forecast"},
    "job.followup": {"ko": "후속 캠페인", "en": "follow-up campaign"},
    "job.done": {"ko": "완료", "en": "done"},
    "job.failed": {"ko": "실패", "en": "failed"},
    "job.running": {"ko": "실행 중", "en": "running"},
    "col.template": {"ko": "템플릿", "en": "Template"},
    "col.campaign": {"ko": "캠페인", "en": "Campaign"},
    "col.subject": {"ko": "제목", "en": "Subject"},
    "col.sent_at": {"ko": "시각 (UTC)", "en": "Time (UTC)"},
    "col.attempt": {"ko": "시도", "en": "Attempt"},
    "col.error": {"ko": "오류", "en": "Error"},
    "col.id": {"ko": "번호", "en": "No."},
    "col.job_id": {"ko": "작업", "en": "Job"},
    "col.cron": {"ko": "주기 (cron)", "en": "Schedule (cron)"},
    "col.last_due": {"ko": "마지막 예정", "en": "Last due"},
    "col.last_status": {"ko": "마지막 상태", "en": "Last status"},
    "col.last_finished": {"ko": "마지막 완료", "en": "Last finished"},
    "col.next_due": {"ko": "다음 실행", "en": "Next run"},
    # --- live data ----------------------------------------------------------------------------
    "live.badge": {"ko": "데이터 갱신됨 · {when}", "en": "Data updated · {when}"},
    "live.missing": {"ko": "웨어하우스 없음", "en": "No warehouse"},
    # --- unsubscribe page ----------------------------------------------------------------------
    "unsub.title": {"ko": "이메일 수신 거부", "en": "Unsubscribe"},
    "unsub.body": {
        "ko": "아래 버튼을 누르면 이 주소로 더 이상 안내 메일을 보내지 않습니다.",
        "en": "Press the button to stop all marketing e-mails to this address.",
    },
    "unsub.confirm": {"ko": "수신 거부", "en": "Unsubscribe"},
    "unsub.done": {
        "ko": "수신 거부되었습니다. 더 이상 메일을 보내지 않습니다.",
        "en": "You are unsubscribed. We will send no more e-mails.",
    },
    "unsub.unknown": {
        "ko": "이 링크를 확인할 수 없습니다. 메일의 링크를 그대로 여세요.",
        "en": "This link is not valid. Open the link from the e-mail as it is.",
    },
    # --- the prediction page's result e-mail ---------------------------------------------------
    "predict.mail.button": {"ko": "결과 발송", "en": "E-mail the result"},
    "predict.mail.hint": {
        "ko": "등록한 고객에게 추천 차량, 추천 이유, 예상 가격을 고객의 언어로 보냅니다.",
        "en": "Sends the registered customer their recommended cars, the reasons and the "
        "expected prices, in their language.",
    },
    "predict.mail.register_first": {
        "ko": "먼저 고객을 등록하세요 (이메일 주소 필요).",
        "en": "Register the customer first (with an e-mail address).",
    },
    "predict.mail.sent": {"ko": "{email}(으)로 발송했습니다.", "en": "Sent to {email}."},
    "predict.mail.already": {
        "ko": "{email}(으)로 이미 보낸 결과입니다.",
        "en": "This result was already sent to {email}.",
    },
    "predict.mail.failed": {
        "ko": "{email}(으)로 보내지 못했습니다. 이메일 기록을 확인하세요 (나중에 다시 보냅니다).",
        "en": "Could not send to {email}; see the e-mail log (it will be retried).",
    },
    "predict.mail.no_server": {
        "ko": "메일 서버가 설정되지 않았습니다.",
        "en": "No mail server is configured.",
    },
}
