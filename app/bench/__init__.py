"""`carsight bench`: one benchmark of every hot path, at a chosen data scale.

Modules, in the order a run uses them: `core` (timing, percentiles, the table and
the JSON document), `prepare` (the generated data set of a scale: raw files,
warehouse, trained models, a forecast run; reused between runs), `jobs` (build,
train, forecast and prediction), `strategy` (the strategy analytics warm and
cold, and the pandas-per-request baseline), `roundtrip` (callbacks through the
Dash test client), `browser` (headless Chromium: cold start, page settle,
click-to-update, serving RSS). Nothing heavy runs at import.
"""
