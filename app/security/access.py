"""The access table: which roles may open each page and call each callback.

One table, read by the two places that enforce it:
- `callbacks.registry.callback` checks CALLBACKS on every `/_dash-update-component`
  request before the callback runs (403 otherwise). A callback missing from the table
  is registered with DENY, so nobody can call it, and tests/security/test_access.py
  fails until it gets a rule;
- `app.factory` wraps each page's layout with `page_layout`, which shows the refusal
  instead of the page for a role not in PAGES; a page without a rule stops the app
  from starting (`page_rule`).

Data scope is enforced below the table, where the data is read (`app.services`): a
dealer's reads are limited to their brand (and market, when they have one), and asking
for another brand raises `ScopeRefused`, which the registry answers with 403.

| role         | can                                                                   |
|--------------|-----------------------------------------------------------------------|
| `admin`      | everything, including uploads, users and SMTP settings                |
| `strategist` | global strategy, forecasts, reports and automation, dealer page (masked) |
| `dealer`     | the dealer page and the prediction tab, own brand (and market) only   |
| `analyst`    | every read-only page and download; registers nothing, sends nothing   |
"""

from __future__ import annotations

from dataclasses import dataclass

ROLES: tuple[str, ...] = ("admin", "strategist", "dealer", "analyst")


@dataclass(frozen=True)
class Rule:
    """Who may: the roles, and a name for messages and tests."""

    name: str
    roles: frozenset[str]

    def allows(self, role: str) -> bool:
        return role in self.roles


def _rule(name: str, *roles: str) -> Rule:
    unknown = set(roles) - set(ROLES)
    if unknown:
        raise ValueError(f"rule {name}: unknown role(s) {sorted(unknown)}")
    return Rule(name, frozenset(roles))


ANONYMOUS = "anonymous"  # the role of a request without a session (app.security.signin)
# the unsubscribe page of campaign e-mails and the shell's translations: no sign-in
PUBLIC = Rule("public", frozenset({*ROLES, ANONYMOUS}))
SIGNED_IN = _rule("signed_in", *ROLES)  # the shell: the session bar, live data version
STRATEGY = _rule("strategy", "admin", "strategist", "analyst")
CUSTOMERS = _rule("customers", "admin", "strategist", "analyst", "dealer")  # brand-scoped
PREDICT = _rule("predict", "admin", "strategist", "analyst", "dealer")  # brand-scoped
REGISTER = _rule("register", "admin", "dealer")  # writes customers (brand-scoped)
AUTOMATION = _rule("automation", "admin", "strategist")
SEND = _rule("send", "admin", "strategist", "dealer")  # e-mail a customer (brand-scoped)
ADMIN = _rule("admin", "admin")  # uploads, users, SMTP settings
DENY = Rule("deny", frozenset())  # a callback or page nobody has given a rule

# page name (app.factory.PAGES) -> rule
PAGES: dict[str, Rule] = {
    "global_strategy": STRATEGY,
    "dealer": CUSTOMERS,
    "predict": PREDICT,
    "forecast": STRATEGY,
    "automation": AUTOMATION,
    "data": STRATEGY,
    # market explorer (데이터 / 시장 탐색): strategists and analysts read the IR data
    "explorer_exports": STRATEGY,
    "explorer_models": STRATEGY,
    "explorer_plants": STRATEGY,
    "explorer_retail": STRATEGY,
    "explorer_competitors": STRATEGY,
    "explorer_sources": STRATEGY,
    "unsubscribe": PUBLIC,  # opened from a campaign e-mail by its recipient
}

# callback (module.function, as callbacks.registry names it) -> rule
CALLBACKS: dict[str, Rule] = {
    # the shell, on every page
    "callbacks.data.toggle_language": PUBLIC,
    "callbacks.data.language_button_label": PUBLIC,
    "callbacks.data.translate_texts": PUBLIC,
    "callbacks.session.render_session": PUBLIC,
    "callbacks.live.poll_version": SIGNED_IN,
    "callbacks.live.version_badge": SIGNED_IN,
    "callbacks.live.first_start_progress": SIGNED_IN,  # "준비 중 … %" on a fresh clone
    # data page
    "callbacks.data.render_status": STRATEGY,
    # global strategy page
    "callbacks.global_strategy.filter_choices": STRATEGY,
    "callbacks.global_strategy.resolve_filters": STRATEGY,
    "callbacks.global_strategy.show_url_problems": STRATEGY,
    "callbacks.global_strategy.focus_market_from_click": STRATEGY,
    "callbacks.global_strategy.model_from_bar_click": STRATEGY,
    "callbacks.global_strategy.model_from_pie_click": STRATEGY,
    "callbacks.global_strategy.render_markets": STRATEGY,
    "callbacks.global_strategy.render_top10": STRATEGY,
    "callbacks.global_strategy.render_trend": STRATEGY,
    "callbacks.global_strategy.render_deviation_view": STRATEGY,
    "callbacks.global_strategy.render_heatmap": STRATEGY,
    "callbacks.global_strategy.download_heatmap": STRATEGY,
    "callbacks.global_strategy.render_recommendations": STRATEGY,
    "callbacks.global_strategy.render_priority": STRATEGY,
    "callbacks.global_strategy.plan_stock": STRATEGY,
    # dealer page (customers of one brand: dealers see only their own)
    "callbacks.dealer.filter_choices": CUSTOMERS,
    "callbacks.dealer.resolve_filters": CUSTOMERS,
    "callbacks.dealer.render_status": CUSTOMERS,
    "callbacks.dealer.render_segments": CUSTOMERS,
    "callbacks.dealer.render_clusters": CUSTOMERS,
    "callbacks.dealer.render_pca": CUSTOMERS,
    "callbacks.dealer.render_model_cluster": CUSTOMERS,
    "callbacks.dealer.render_insights": CUSTOMERS,
    "callbacks.dealer.drill_markets": CUSTOMERS,
    "callbacks.dealer.drill_models": CUSTOMERS,
    "callbacks.dealer.model_from_click": CUSTOMERS,
    "callbacks.dealer.render_drilldown": CUSTOMERS,
    "callbacks.dealer.render_customers": CUSTOMERS,
    "callbacks.dealer.export_customers": CUSTOMERS,
    "callbacks.dealer.render_prospects": CUSTOMERS,
    # the dealer page's 지역 view (reads the same brand- and market-scoped dealer frame)
    "callbacks.region.render_regions": CUSTOMERS,
    "callbacks.region.pick_region": CUSTOMERS,
    # forecast page
    "callbacks.forecast.choose_series": STRATEGY,
    "callbacks.forecast.view_url": STRATEGY,
    "callbacks.forecast.show_url_problems": STRATEGY,
    "callbacks.forecast.render_status": STRATEGY,
    "callbacks.forecast.model_choices": STRATEGY,
    "callbacks.forecast.render_chart": STRATEGY,
    "callbacks.forecast.render_metrics": STRATEGY,
    "callbacks.forecast.render_quarters": STRATEGY,
    "callbacks.forecast.download_quarters": STRATEGY,
    "callbacks.forecast.render_leaderboard": STRATEGY,
    # customer prediction page
    "callbacks.predict.form_choices": PREDICT,
    "callbacks.predict.brand_in_url": PREDICT,
    "callbacks.predict.placeholders": PREDICT,
    "callbacks.predict.budget_hint": PREDICT,
    "callbacks.predict.submit": PREDICT,
    "callbacks.predict.render_result": PREDICT,
    "callbacks.predict.toggle_card": PREDICT,
    "callbacks.predict.render_model_card": PREDICT,
    "callbacks.predict.lookup_customer": PREDICT,  # own brand only (app.services)
    "callbacks.predict.register": REGISTER,
    "callbacks.automation.send_result": SEND,
    # automation page (reports, campaigns, schedules) and uploads
    "callbacks.automation.choices": AUTOMATION,
    "callbacks.automation.customer_types": AUTOMATION,
    "callbacks.automation.segments": AUTOMATION,
    "callbacks.automation.build_report": AUTOMATION,
    "callbacks.automation.preview_campaign": AUTOMATION,
    "callbacks.automation.send_allowed": AUTOMATION,
    "callbacks.automation.send_campaign": AUTOMATION,
    "callbacks.automation.mail_log": AUTOMATION,
    "callbacks.automation.schedules": AUTOMATION,
    "callbacks.automation.upload": ADMIN,
    # market explorer: what every page shares, then each page
    "callbacks.explorer.show_url_problems": STRATEGY,
    "callbacks.explorer_exports.exports_choices": STRATEGY,
    "callbacks.explorer_exports.resolve_exports": STRATEGY,
    "callbacks.explorer_exports.exports_focus_from_click": STRATEGY,
    "callbacks.explorer_exports.exports_insights": STRATEGY,
    "callbacks.explorer_exports.exports_lines": STRATEGY,
    "callbacks.explorer_exports.exports_share": STRATEGY,
    "callbacks.explorer_exports.exports_yoy": STRATEGY,
    "callbacks.explorer_exports.exports_heatmap": STRATEGY,
    "callbacks.explorer_models.models_choices": STRATEGY,
    "callbacks.explorer_models.resolve_models": STRATEGY,
    "callbacks.explorer_models.models_focus_from_click": STRATEGY,
    "callbacks.explorer_models.models_insights": STRATEGY,
    "callbacks.explorer_models.models_top": STRATEGY,
    "callbacks.explorer_models.models_flows": STRATEGY,
    "callbacks.explorer_models.models_mix": STRATEGY,
    "callbacks.explorer_models.models_electrified": STRATEGY,
    "callbacks.explorer_models.models_comparison": STRATEGY,
    "callbacks.explorer_models.models_seasonality": STRATEGY,
    "callbacks.explorer_plants.plants_choices": STRATEGY,
    "callbacks.explorer_plants.resolve_plants": STRATEGY,
    "callbacks.explorer_plants.plants_focus_from_click": STRATEGY,
    "callbacks.explorer_plants.plants_insights": STRATEGY,
    "callbacks.explorer_plants.plants_totals": STRATEGY,
    "callbacks.explorer_plants.plants_trend": STRATEGY,
    "callbacks.explorer_plants.plants_ratio": STRATEGY,
    "callbacks.explorer_plants.plants_concentration": STRATEGY,
    "callbacks.explorer_retail.retail_choices": STRATEGY,
    "callbacks.explorer_retail.resolve_retail": STRATEGY,
    "callbacks.explorer_retail.retail_focus_from_click": STRATEGY,
    "callbacks.explorer_retail.retail_insights": STRATEGY,
    "callbacks.explorer_retail.retail_trend": STRATEGY,
    "callbacks.explorer_retail.retail_volatility": STRATEGY,
    "callbacks.explorer_retail.retail_compare": STRATEGY,
    "callbacks.explorer_retail.retail_mix": STRATEGY,
    "callbacks.explorer_retail.retail_ev": STRATEGY,
    "callbacks.explorer_competitors.competitors_choices": STRATEGY,
    "callbacks.explorer_competitors.resolve_competitors": STRATEGY,
    "callbacks.explorer_competitors.competitors_focus_from_click": STRATEGY,
    "callbacks.explorer_competitors.competitors_insights": STRATEGY,
    "callbacks.explorer_competitors.competitors_share": STRATEGY,
    "callbacks.explorer_competitors.competitors_models": STRATEGY,
    "callbacks.explorer_competitors.competitors_counters": STRATEGY,
    "callbacks.explorer_sources.sources_choices": STRATEGY,
    "callbacks.explorer_sources.resolve_sources": STRATEGY,
    "callbacks.explorer_sources.sources_insights": STRATEGY,
    "callbacks.explorer_sources.sources_files": STRATEGY,
    "callbacks.explorer_sources.sources_file": STRATEGY,
    "callbacks.explorer_sources.sources_grid": STRATEGY,
    "callbacks.explorer_sources.sources_rows": STRATEGY,
    "callbacks.explorer_sources.sources_download": STRATEGY,
    # the unsubscribe page (campaign e-mail recipients, not signed in)
    "callbacks.automation.unsubscribe": PUBLIC,
}


def public_paths(pages: list[tuple[str, str]]) -> frozenset[str]:
    """Paths of the pages anyone may open without signing in."""
    return frozenset(path for name, path in pages if PAGES.get(name) is PUBLIC)


def callback_rule(name: str) -> Rule:
    """The rule of callback `name`; DENY when the table has none."""
    return CALLBACKS.get(name, DENY)


def page_rule(name: str) -> Rule:
    """The rule of page `name`; a page without one is a programming error."""
    if name not in PAGES:
        raise KeyError(
            f"page {name!r} has no rule in app.security.access.PAGES: add one before "
            "registering the page"
        )
    return PAGES[name]


def allowed_pages(role: str) -> set[str]:
    """Pages `role` may open from the navigation (public pages are reached by link)."""
    return {name for name, rule in PAGES.items() if rule.allows(role) and rule is not PUBLIC}
