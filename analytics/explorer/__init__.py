"""The market explorer (데이터 / 시장 탐색): pure Polars analytics of six pages, one module
per page (exports, models, plants, retail, competitors, sources), the helpers they share
(common) and their reads (load; SQL in warehouse/sql/marts/explorer_*.sql)."""
