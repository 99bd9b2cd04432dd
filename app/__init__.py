"""CarSight Dash application. Importing this package does no I/O."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import dash

    from app.settings import Settings


def create_app(settings: Settings | None = None) -> dash.Dash:
    """Build the Dash app; the heavy imports happen here, not at package import."""
    from app.factory import build_app
    from app.settings import load_settings

    return build_app(settings or load_settings())
