-- market explorer, source data: an augmented context file's rows as loaded
-- (market_context_raw: climate zone and GDP per market; GDP in trillion USD).
select market_label, market, brand, climate_zone, gdp_trillion_usd
from market_context_raw
where source_file = $file
