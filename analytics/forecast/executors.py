"""Where the forecast's per-series work runs: local processes, or a Dask cluster.

Both give a `concurrent.futures.Executor`, so the pipeline submits the same tasks
(`pipeline._timed(fn, **kwargs)`) either way and gets identical results; only the
machines differ. Dask (the `scale` extra) is imported only when asked for.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager

EXECUTORS = ("local", "dask")


@contextmanager
def executor(kind: str, *, workers: int, scheduler: str | None = None) -> Iterator[Executor]:
    """`workers` local processes, or Dask distributed: the cluster at `scheduler`
    (tcp://HOST:PORT; its workers must have carsight installed) or, without one, a
    LocalCluster of `workers` single-threaded worker processes for this run."""
    if kind == "local":
        # spawn: Prophet/cmdstan and Polars' thread pool do not survive fork
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            yield pool
        return
    if kind != "dask":
        raise ValueError(f"unknown executor {kind!r}; valid: {', '.join(EXECUTORS)}")
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ValueError(
            "the dask executor needs the scale extra: pip install -e '.[scale]'"
        ) from exc
    cluster = None
    if scheduler:
        # waits distributed.comm.timeouts.connect (30 s unless Dask's config or
        # DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT says otherwise)
        client = Client(scheduler)
    else:
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            host="127.0.0.1",
        )
        client = Client(cluster)
    try:
        yield client.get_executor(pure=False)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
