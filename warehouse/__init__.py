"""The CarSight warehouse: raw IR files -> DuckDB. Only build/ingest write it."""

# DuckDB storage format the warehouse file is written in (DuckDB's STORAGE_VERSION on
# ATTACH; settings: storage_version). v1.2.0 is read by every current DuckDB 1.x client
# (1.2 to 1.5: the pip `duckdb-cli`, DBeaver, R) and is as compact as the newest
# format; DuckDB 2.0's own default (storage version 69) is read by none of them.
# "v1.0.0" reaches clients back to DuckDB 0.10 (a larger file).
STORAGE_VERSION = "v1.2.0"
STORAGE_VERSION_PATTERN = r"v\d+\.\d+\.\d+|latest"
