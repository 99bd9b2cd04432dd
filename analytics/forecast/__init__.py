"""Forecasting groundwork: seasonal-naive baseline, metrics and rolling-origin backtests."""
