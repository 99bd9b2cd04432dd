"""The prediction tab's result e-mail ("결과 발송"), as the page's callbacks run it, to a
real local SMTP server: registered prospect -> cars, reasons and prices in their language."""

from __future__ import annotations

import pytest

from tests.callbacks.dash_text import text_of
from tests.callbacks.test_predict_callbacks import _form, _register, _submit


@pytest.fixture()
def pages(trained_reference, tmp_path, smtp_server):
    from app.services import install
    from app.settings import load_settings

    db, artifacts = trained_reference
    install(
        load_settings(
            db=db,
            artifacts_dir=artifacts,
            ops_db=tmp_path / "ops.sqlite",
            smtp_host="127.0.0.1",
            smtp_port=smtp_server.port,
            smtp_tls="none",
            smtp_from="dealer@carsight.test",
            mail_backoff_s=0,
        )
    )
    import callbacks.automation as automation
    import callbacks.predict as predict

    return predict, automation


@pytest.mark.slow
def test_the_registered_prospect_gets_cars_reasons_and_prices(pages, smtp_server):
    predict, automation = pages
    spec = _submit(predict, _form(predict, model_of_interest="Avante", market="Korea")).spec
    before = text_of(automation.send_result(1, spec, "haneul01", "ko"))
    assert "먼저 고객을 등록하세요" in before  # nothing to send before registration
    assert "cs-reg-saved" in _register(predict, spec).alert.className
    sent = text_of(automation.send_result(1, spec, "haneul01", "en"))
    assert "haneul.kim@example.com" in sent
    [got] = smtp_server.inbox.messages
    assert got.rcpt_tos == ["haneul.kim@example.com"]
    message = got.message
    assert message["Subject"] == "김하늘님의 현대 추천 차량"  # the customer's language: Korean
    text = message.get_body(("plain",)).get_content()
    prediction = predict.predict_spec(spec)[2]
    for rec in prediction.recommendations:
        assert rec.model in text and f"{rec.expected_price:,}원" in text
    assert text.count("   - ") >= len(prediction.recommendations)  # a reason under each car
    # pressing again sends nothing twice
    again = text_of(automation.send_result(1, spec, "haneul01", "ko"))
    assert "이미 보낸" in again and len(smtp_server.inbox.messages) == 1
