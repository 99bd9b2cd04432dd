"""Callbacks of the customer-prediction page (thin adapters around analytics.prediction)."""
