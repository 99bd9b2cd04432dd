"""Report, campaign and follow-up e-mails end to end against a real local SMTP server."""

from __future__ import annotations

import sqlite3

import pytest

from analytics.report.content import ReportSpec
from app.actor import Actor, ScopeRefused
from app.mail import campaign
from app.mail.message import parse_recipients
from app.mail.report_mail import queue_report
from app.mail.transport import DeliveryPolicy, deliver
from warehouse import mail_store
from warehouse.campaigns import load_campaign_audience
from warehouse.connection import Warehouse

FAST = DeliveryPolicy(rate_per_s=1000, retries=2, backoff_s=0.0)


@pytest.mark.slow
def test_a_report_email_carries_the_pdf_and_the_xlsx(reference_db, smtp_server, ops_db):
    queued = queue_report(
        warehouse=Warehouse(reference_db),
        ops_db=ops_db,
        spec=ReportSpec(brand="Kia"),
        to=parse_recipients("a@example.com, b@example.org"),
        sender="strategy@carsight.test",
        lang="ko",
    )
    assert queued == 2
    assert deliver(ops_db=ops_db, config=smtp_server.config(), policy=FAST).sent == 2
    assert sorted(m.rcpt_tos[0] for m in smtp_server.inbox.messages) == [
        "a@example.com",
        "b@example.org",
    ]
    message = smtp_server.inbox.messages[0].message
    assert "판매 전략 보고서" in message["Subject"] and "기아" in message["Subject"]
    assert message.get_body(("plain",)) is not None and message.get_body(("html",)) is not None
    files = {part.get_filename(): part for part in message.iter_attachments()}
    pdf = next(p for name, p in files.items() if name.endswith(".pdf"))
    assert pdf.get_content_type() == "application/pdf"
    assert pdf.get_content().startswith(b"%PDF")
    xlsx = next(p for name, p in files.items() if name.endswith(".xlsx"))
    assert xlsx.get_content().startswith(b"PK")  # a zip container, as XLSX is


@pytest.mark.slow
def test_a_campaign_is_personalised_and_honours_opt_outs(
    trained_reference, smtp_server, ops_db, tmp_path
):
    db, artifacts = trained_reference
    wh = Warehouse(db)
    spec = campaign.CampaignSpec(brand="Hyundai", segment="VIP", market="Korea", name="vip-test")
    everyone = load_campaign_audience(wh, brand="Hyundai", segment="VIP", market="Korea")
    assert everyone.height > 1
    leaving = everyone.item(0, "email")
    mail_store.opt_out(ops_db, leaving.upper())  # opt-outs ignore letter case
    shown = campaign.preview(warehouse=wh, ops_db=ops_db, artifacts_dir=artifacts, spec=spec)
    assert (shown.count, shown.opted_out) == (everyone.height - 1, 1)
    assert shown.sample is not None and "VIP" in shown.sample.subject
    queued, opted_out = campaign.queue_campaign(
        warehouse=wh, ops_db=ops_db, artifacts_dir=artifacts, spec=spec,
        sender="crm@carsight.test", base_url="http://127.0.0.1:8050",
    )  # fmt: skip
    assert (queued, opted_out) == (everyone.height - 1, 1)
    # queuing the same campaign again queues nothing new
    again, _ = campaign.queue_campaign(
        warehouse=wh, ops_db=ops_db, artifacts_dir=artifacts, spec=spec,
        sender="crm@carsight.test", base_url="http://127.0.0.1:8050",
    )  # fmt: skip
    assert again == 0
    report = deliver(ops_db=ops_db, config=smtp_server.config(), policy=FAST)
    assert report.sent == everyone.height - 1
    got = smtp_server.inbox.messages
    assert leaving not in {r for m in got for r in m.rcpt_tos}
    first = got[0].message
    row = everyone.filter(email=got[0].rcpt_tos[0]).row(0, named=True)
    text = first.get_body(("plain",)).get_content()
    assert row["name"] in text  # personalised
    assert "예상 가격" in text and "원" in text  # recommended cars with prices, in Korean
    assert "/unsubscribe?token=" in text  # the footer link
    assert first["List-Unsubscribe"].strip().startswith("<http://127.0.0.1:8050/unsubscribe?token=")
    assert "<html" in first.get_body(("html",)).get_content()
    with sqlite3.connect(ops_db) as con:
        templates = {r[0] for r in con.execute("select template from email_log")}
    assert templates == {"campaign/segment-vip.ko.j2"}


def test_a_dealer_may_only_mail_their_own_brand(reference_db, ops_db, tmp_path):
    dealer = Actor(name="kia-dealer", role="dealer", brand="Kia")
    with pytest.raises(ScopeRefused, match="Kia"):
        campaign.preview(
            warehouse=Warehouse(reference_db),
            ops_db=ops_db,
            artifacts_dir=tmp_path,
            spec=campaign.CampaignSpec(brand="Hyundai", segment="VIP"),
            actor=dealer,
        )
    analyst = Actor(name="a", role="analyst")
    with pytest.raises(ScopeRefused, match="may not send"):
        campaign.queue_campaign(
            warehouse=Warehouse(reference_db), ops_db=ops_db, artifacts_dir=tmp_path,
            spec=campaign.CampaignSpec(brand="Kia", segment="VIP"), sender="c@x.com",
            base_url="http://x", actor=analyst,
        )  # fmt: skip


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        (campaign.CampaignSpec(brand="all", segment="VIP"), "one brand"),
        (campaign.CampaignSpec(brand="Kia"), "either a segment or a customer type"),
        (campaign.CampaignSpec(brand="Kia", segment="VIP", cluster=2), "either"),
        (campaign.CampaignSpec(brand="Kia", segment=" "), "1 to 40 characters"),
        (campaign.CampaignSpec(brand="Kia", segment="VIP", market="Atlantis"), "unknown market"),
    ],
)
def test_a_campaign_spec_says_what_to_change(spec, message):
    with pytest.raises(campaign.CampaignRefused, match=message):
        spec.validated(Actor())


def test_templates_exist_for_every_segment_and_language():
    from app.mail import compose

    for segment in campaign.SEGMENTS:
        for lang in ("ko", "en"):
            name = compose.campaign_template(segment=segment, cluster=None, lang=lang)
            rendered = compose.render(
                name,
                lang=lang,
                values={"name": "Kim", "brand": "Kia", "persona": "", "segment": "VIP"},
            )
            assert rendered.subject and "Kim" in rendered.text
    for lang in ("ko", "en"):
        assert compose.campaign_template(segment=None, cluster=3, lang=lang).endswith(
            f"cluster.{lang}.j2"
        )
        # a descriptive segment name from training gets the generic segment template
        other = compose.campaign_template(segment="1회 고액 구매", cluster=None, lang=lang)
        assert other == f"campaign/segment.{lang}.j2"
        values = {"name": "", "brand": "Kia", "segment": "1회 고액 구매"}
        assert compose.render(other, lang=lang, values=values).subject


def test_a_customer_without_a_name_gets_a_proper_greeting():
    from app.mail import compose

    ko = compose.render(
        "campaign/segment-vip.ko.j2", lang="ko", values={"name": None, "brand": "기아"}
    )
    assert ko.subject.startswith("고객님께만") and "고객님, 안녕하세요." in ko.text
    en = compose.render(
        "campaign/segment-vip.en.j2", lang="en", values={"name": "", "brand": "Kia"}
    )
    assert "Dear valued customer," in en.text


def test_html_escapes_names_and_offers():
    from app.mail import compose

    rendered = compose.render(
        "campaign/segment-vip.en.j2",
        lang="en",
        values={"name": "<script>x</script>", "brand": "Kia"},
        offer="<b>50%</b>",
    )
    assert "<script>" not in rendered.html and "&lt;script&gt;" in rendered.html
    assert "&lt;b&gt;50%&lt;/b&gt;" in rendered.html
    assert "<script>x</script>" in rendered.text  # the text part is plain text
