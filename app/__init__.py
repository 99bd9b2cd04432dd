"""CarSight Dash application. Importing this package does no I/O."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

# Polars' in-memory engine for every collect (set before polars is first imported; a
# user's own setting wins): Polars 2.1's streaming engine panicked in string kernels
# ('assertion failed: i < self.len()') on the forecast series and under serving load.
os.environ.setdefault("POLARS_ENGINE_AFFINITY", "in-memory")

if TYPE_CHECKING:
    import dash

    from app.settings import Settings


def create_app(settings: Settings | None = None) -> dash.Dash:
    """Build the Dash app; the heavy imports happen here, not at package import."""
    from app.factory import build_app
    from app.settings import load_settings

    return build_app(settings or load_settings())
