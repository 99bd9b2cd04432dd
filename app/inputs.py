"""The input boundary: what each callback input, store and URL value may be.

Callbacks annotate their parameters with these types; `callbacks.registry.callback`
validates every call against the annotations (pydantic), so a value of the wrong type,
shape or range never reaches the analytics: the callback gives no update and the shell
shows one translated message instead. Typed dicts keep the stores plain JSON (the browser
carries the filter spec, never data) while saying exactly which keys and values they hold.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, NotRequired

from pydantic import AfterValidator, Field, StringConstraints
from typing_extensions import TypedDict

from analytics.sales import SOURCES
from app.i18n import LANGUAGES


def language(value: object) -> str:
    """The UI language `value` names: 'ko' or 'en'; a missing or unknown one is the default
    (Korean, LANGUAGES[0]), not an error. The one place that default is applied to inputs."""
    return value if isinstance(value, str) and value in LANGUAGES else LANGUAGES[0]


Lang = Annotated[str | None, AfterValidator(language)]
"""The UI language from the language store: 'ko' or 'en' (anything else reads 'ko').
A callback whose `lang` parameter has this type gets 'ko' or 'en', never None."""

Text = Annotated[str, StringConstraints(max_length=200)] | None
"""One select or text value (a market, a model, a brand; None when cleared)."""

Texts = list[Annotated[str, StringConstraints(max_length=200)]] | None
"""A multi-select's values."""

Number = Annotated[float, Field(allow_inf_nan=False)] | None
"""A numeric control (finite; ranges are checked by the feature's own rules)."""

Clicks = Annotated[int, Field(ge=0)] | None
"""A button's n_clicks."""

Month = Annotated[str, StringConstraints(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")]
Year = Annotated[str, StringConstraints(pattern=r"^\d{4}$")]


class ClickPoint(TypedDict, total=False):
    customdata: str | int | float | list[str | int | float | None] | None


class ClickData(TypedDict, total=False):
    """A figure's clickData: only the clicked point's customdata is read."""

    points: list[ClickPoint]


class ProblemRecord(TypedDict):
    """A refused URL value (`app.url_state.Problem` as stored in the browser)."""

    param: Annotated[str, StringConstraints(max_length=50)]
    value: Annotated[str, StringConstraints(max_length=2_000)]
    kind: Literal["invalid", "unknown", "unavailable"]
    fallback: str | None


class TextId(TypedDict):
    """The id of a translated static text (`app.ids.text`)."""

    type: str
    key: Annotated[str, StringConstraints(max_length=100)]
    part: Annotated[str, StringConstraints(max_length=100)]


class WeightId(TypedDict):
    type: str
    name: Annotated[str, StringConstraints(max_length=50)]


# --- global strategy ------------------------------------------------------------------


class GsControls(TypedDict, total=False):
    """The global strategy page's filter controls (the URL's parameters)."""

    source: Text
    brand: Text
    period_from: Text
    period_to: Text
    vehicle_types: Texts
    powertrains: Texts
    market: Text
    markets: Texts
    top_n: Number
    measure: Text
    threshold: Number
    model: Text


class GsSpec(TypedDict):
    """The resolved filter spec of the global strategy page (`PageState.to_store` plus
    the heatmap's markets)."""

    source: Literal[SOURCES]  # type: ignore[valid-type]
    brand: Literal["all", "Hyundai", "Kia"]
    period_from: Month | None
    period_to: Month | None
    vehicle_types: list[str]
    powertrains: list[str]
    market: str | None
    markets: list[str]
    no_markets: NotRequired[bool]
    top_n: Annotated[int, Field(ge=1, le=20)]
    measure: Literal["units", "share"]
    threshold_pp: Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)]
    weights: dict[str, Annotated[float, Field(ge=0, le=1_000, allow_inf_nan=False)]]
    model: str | None
    heatmap_markets: list[str]
    data_version: NotRequired[str | None]  # the warehouse version it was resolved on


class StockRow(TypedDict, total=False):
    model: str
    stock: Annotated[float, Field(allow_inf_nan=False)] | None


# --- dealer ---------------------------------------------------------------------------

DealerSpec = TypedDict(
    "DealerSpec",
    {
        "brand": Literal["Hyundai", "Kia"],
        "market": Text,
        "from": Year | None,
        "to": Year | None,
        "region": NotRequired[Text],
    },
)
"""The dealer page's filter spec: brand, market, purchase years and region (a
`warehouse.region` value such as 서울 or KS; None = all)."""


# --- forecast -------------------------------------------------------------------------


class FcControls(TypedDict, total=False):
    brand: Text
    flow: Text
    market: Text
    item: Text


class SeriesNames(TypedDict, total=False):
    brand: str
    flow: str
    market: str | None
    model: str | None
    plant: str | None


class FcSpec(TypedDict, total=False):
    """The forecast page's spec: the newest run and the chosen series' names."""

    run_id: Annotated[str, StringConstraints(max_length=100)] | None
    series_id: Annotated[str, StringConstraints(max_length=300)] | None
    names: SeriesNames


# --- prediction -----------------------------------------------------------------------

FormValue = Annotated[str, StringConstraints(max_length=500)] | int | float | bool | None
"""A prediction or registration form field as the browser sends it; the feature's
parser (analytics.predict) checks the value and names the field in its message."""

PredictSpec = dict[str, Any]
"""The accepted prediction input (`callbacks.predict.accepted_spec`), re-parsed by
analytics.predict before use."""


class DataVersionStore(TypedDict, total=False):
    """The shell's DATA_VERSION store (callbacks.live): key and local write time."""

    key: Annotated[str, StringConstraints(max_length=100)]
    stamped: Annotated[str, StringConstraints(max_length=20)] | None


class CampaignForm(TypedDict, total=False):
    """The automation page's campaign form (callbacks.automation)."""

    brand: Annotated[str, StringConstraints(max_length=20)] | None
    target: Literal["segment", "cluster"] | None
    segment: Annotated[str, StringConstraints(max_length=20)] | None
    cluster: Annotated[int, Field(ge=0, le=100)] | None
    market: Annotated[str, StringConstraints(max_length=60)] | None
    offer: Annotated[str, StringConstraints(max_length=200)] | None


# --- market explorer --------------------------------------------------------------------


class ExplorerControls(TypedDict, total=False):
    """An explorer page's filter controls (app.explorer_state names their URL parameters);
    a page has brand, period and focus, and some of the rest."""

    brand: Text
    period_from: Text
    period_to: Text
    focus: Annotated[str, StringConstraints(max_length=1_000)] | None
    compare: Text
    flow: Text
    top_n: Number
    picks: Texts
    year: Number | Text


class ExplorerSpec(TypedDict):
    """The resolved filter spec of an explorer page (`ExplorerState.to_store`)."""

    page: Literal["exports", "models", "plants", "retail", "competitors", "sources"]
    brand: Literal["all", "Hyundai", "Kia"]
    period_from: Month | None
    period_to: Month | None
    focus: Annotated[str, StringConstraints(max_length=1_000)] | None
    compare: Annotated[str, StringConstraints(max_length=200)] | None
    flow: Literal["both", "domestic", "export"]
    top_n: Annotated[int, Field(ge=3, le=20)]
    picks: list[Annotated[str, StringConstraints(max_length=200)]]
    year: Annotated[int, Field(ge=1990, le=2100)] | None
    data_version: NotRequired[str | None]  # the warehouse version it was resolved on


class ExplorerId(TypedDict):
    """An explorer component id (`app.ids.explorer`)."""

    type: Annotated[str, StringConstraints(max_length=50)]
    page: Literal["exports", "models", "plants", "retail", "competitors", "sources"]


class GridSort(TypedDict):
    colId: Annotated[str, StringConstraints(max_length=100)]
    sort: Literal["asc", "desc"]


class GridRequest(TypedDict, total=False):
    """dash-ag-grid's getRowsRequest (infinite row model): the rows asked for and the
    grid's sort and filter model (columns and operators are checked against the file
    kind's allow-list by analytics.explorer.sources)."""

    startRow: Annotated[int, Field(ge=0, le=100_000_000)]
    endRow: Annotated[int, Field(ge=0, le=100_000_000)]
    sortModel: list[GridSort]
    filterModel: dict[Annotated[str, StringConstraints(max_length=100)], dict[str, Any]]
