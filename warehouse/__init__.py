"""The CarSight warehouse: raw IR files -> DuckDB. Only build/ingest write it."""
