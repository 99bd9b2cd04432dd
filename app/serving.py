"""Production serving: gunicorn with N worker processes, each building its own app.

Every worker calls `create_app(settings)` after the fork (no `preload_app`), so each
has its own read-only warehouse connection, caches and model registry: nothing is
shared between processes except the files. Caches are keyed by the warehouse's data
version, so a rebuild that swaps the file in is picked up by every worker at its next
request, and requests already reading the old file finish on it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gunicorn.app.base import BaseApplication

if TYPE_CHECKING:
    from app.settings import Settings

# Dash callbacks are short CPU-bound requests; a few threads per worker overlap the
# ones waiting on DuckDB (which releases the GIL) without starving the others.
THREADS_PER_WORKER = 4
TIMEOUT_SECONDS = 120


class CarSightServer(BaseApplication):
    """gunicorn running `create_app(settings).server` in each worker."""

    def __init__(self, settings: Settings, *, workers: int, threads: int = THREADS_PER_WORKER):
        self.settings = settings
        self.options = {
            "bind": f"{settings.host}:{settings.port}",
            "workers": workers,
            "threads": threads,
            "worker_class": "gthread",
            "timeout": TIMEOUT_SECONDS,
            "graceful_timeout": 10,
            "keepalive": 5,
            "preload_app": False,
            "accesslog": None,  # request URLs carry filter specs only, but keep logs lean
            "errorlog": "-",
            "loglevel": "warning",
            "proc_name": "carsight",
            "post_worker_init": _warm,
        }
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        from app import create_app

        app = create_app(self.settings)
        import_heavy_modules()
        return app.server


def import_heavy_modules() -> None:
    """Import what the first requests need before serving.

    A module imported for the first time by two threads at once (the warm-up thread
    loading the models, a request thread encoding a figure) can be seen half-initialised
    by one of them: that gave a 500. Imported here, in one thread, it cannot. The model
    libraries (scikit-learn, skops: two thirds of the start-up's CPU) are not needed
    for the first page: the warm-up thread imports them under the model lock
    (services.import_model_libraries), the lock every request that reaches them takes.
    """
    import numpy  # noqa: F401
    import pandas  # noqa: F401
    import plotly.graph_objects  # noqa: F401
    import plotly.io  # noqa: F401


def _warm(worker: Any) -> None:
    """Verify and load the prediction models in the background once the worker runs."""
    import threading

    import callbacks.predict

    threading.Thread(target=callbacks.predict.warm, name="warm-predictor", daemon=True).start()


def run(settings: Settings, *, workers: int) -> None:
    CarSightServer(settings, workers=workers).run()
