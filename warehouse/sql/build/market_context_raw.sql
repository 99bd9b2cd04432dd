-- market attributes from the augmented external tables. their monthly
-- per-model figures are not sales and are never loaded.
create table market_context_raw (
    market_label varchar,
    climate_zone varchar,        -- 기후대: 온대, 한랭, 열대, 건조
    gdp_trillion_usd double,     -- null when the source column is a placeholder
    market varchar,
    brand varchar,               -- brand of the table it came from
    source_file varchar not null
);
