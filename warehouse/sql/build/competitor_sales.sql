create table competitor_sales (
    year smallint not null,
    market_label varchar,   -- as published
    market varchar,         -- canonical market (dim_market.market)
    model_name varchar not null,
    units bigint not null,  -- vehicles sold in the year
    segment varchar,        -- 차량 구분 as published (SUV, 세단, 픽업, ...)
    brand varchar,
    powertrain varchar,     -- 내연기관 | 하이브리드 | 전기차 as published
    source_file varchar not null,
    repeated_of varchar,    -- market label whose block of the year this block copies; else null
    months tinyint          -- months of the year the figure covers, from January (12 = full year)
);
