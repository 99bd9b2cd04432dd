"""E-mail text from Jinja2 templates: one template per kind (and per segment or
customer type for campaigns) and language, rendered into one HTML and one text
layout.

A kind's template (`templates/<name>.<lang>.j2`) defines three blocks: `subject`,
`intro` and `offer` (the default offer; a campaign may replace it). The layouts
(`layout.html.j2`, `layout.txt.j2`) add the greeting, the recommended cars, the
offer and the unsubscribe footer, with the fixed words from the i18n catalogue.
HTML is autoescaped; the text part is rendered without escaping.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from app.i18n import t

TEMPLATES = Path(__file__).resolve().parent / "templates"
SEGMENT_TEMPLATES = {"VIP": "vip", "일반": "regular", "신규": "new", "이탈가능": "at_risk"}


@dataclass(frozen=True)
class Car:
    """One recommended car as an e-mail shows it (price and reasons already in words)."""

    model: str
    price: str
    eco: str = ""
    reasons: Sequence[str] = field(default_factory=tuple)


@dataclass(frozen=True)
class Rendered:
    template: str  # the kind's template file, e.g. campaign/segment-vip.ko.j2
    subject: str
    text: str
    html: str


@cache
def _env(html: bool) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=html,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
    )


def template_name(base: str, lang: str) -> str:
    return f"{base}.{lang}.j2"


def exists(name: str) -> bool:
    return (TEMPLATES / name).is_file()


def campaign_template(*, segment: str | None, cluster: int | None, lang: str) -> str:
    """The template file of a campaign: per named segment (a generic `segment` one for
    any other segment name), else per customer type (a `cluster-<k>` file when one
    exists, else the generic `cluster` one)."""
    if segment is not None:
        if segment not in SEGMENT_TEMPLATES:  # a descriptive name from training
            return template_name("campaign/segment", lang)
        return template_name(f"campaign/segment-{SEGMENT_TEMPLATES[segment]}", lang)
    own = template_name(f"campaign/cluster-{cluster}", lang)
    return own if exists(own) else template_name("campaign/cluster", lang)


def _block(env: jinja2.Environment, name: str, block: str, values: Mapping[str, Any]) -> str:
    template = env.get_template(name)
    render = template.blocks.get(block)
    if render is None:
        return ""
    return "".join(render(template.new_context(dict(values)))).strip()


def render(
    name: str,
    *,
    lang: str,
    values: Mapping[str, Any],
    cars: Sequence[Car] = (),
    offer: str | None = None,
    greeting: bool = True,
    unsubscribe_url: str | None = None,
) -> Rendered:
    """Subject, text and HTML of template `name` with `values` (name, brand, ...).

    `offer` replaces the template's default offer ('' = no offer line).
    """
    # a customer file without names (Kia's) still gets a proper greeting and subject
    values = {**values, "name": values.get("name") or t("mail.no_name", lang)}
    parts: dict[str, Any] = {
        "lang": lang,
        "greeting": t("mail.greeting", lang, name=values.get("name") or "") if greeting else "",
        "cars": list(cars),
        "cars_title": t("mail.cars_title", lang),
        "offer_label": t("mail.offer_label", lang),
        "closing": t("mail.closing", lang),
        "footer": t("mail.footer", lang, brand=values.get("brand", "CarSight")),
        "unsubscribe_label": t("mail.unsubscribe", lang),
        "unsubscribe_url": unsubscribe_url,
    }
    out: dict[str, str] = {}
    for html in (False, True):
        env = _env(html)
        subject = _block(env, name, "subject", values)
        default_offer = _block(env, name, "offer", values)
        intro = _block(env, name, "intro", values)
        page = env.get_template(f"layout.{'html' if html else 'txt'}.j2").render(
            **parts,
            subject=subject,
            # blocks rendered by the HTML environment are escaped already
            intro=Markup(intro) if html else intro,
            offer=(Markup(default_offer) if html else default_offer) if offer is None else offer,
        )
        out["html" if html else "text"] = page
        if not html:
            out["subject"] = subject
    return Rendered(template=name, subject=out["subject"], text=out["text"], html=out["html"])
