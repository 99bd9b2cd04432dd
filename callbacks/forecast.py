"""Callbacks of the forecast page (thin adapters around analytics.forecast)."""
