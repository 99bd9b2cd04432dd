-- prospects registered at the dealer counter (/predict), merged from the operational
-- store at every build and ingest. not purchases: never in customers. PII: name,
-- phone, email, address. budget_krw: KRW; probabilities 0-1; predicted_at UTC text.
create table prospects (
    prospect_id varchar primary key,  -- 'N-<brand>-<user id>'
    brand varchar not null,
    user_id varchar not null,
    name varchar,
    birth_date date,
    age smallint,
    gender varchar,                   -- M | F
    phone varchar,
    email varchar,
    address varchar,
    signup_date date,
    market varchar,                   -- canonical market
    vehicle_class varchar,            -- wanted, e.g. 중형 SUV
    model_label varchar,              -- model of interest as chosen
    model varchar,                    -- its catalogue family
    eco_friendly boolean,
    budget_krw bigint,                -- the budget named at the counter, KRW
    payment_method varchar,
    purchase_count integer,           -- purchases before, as told
    channel varchar,
    predicted_segment varchar,        -- 신규 with no purchases before (by definition)
    segment_probability double,       -- prospects predicted before value tiers
    predicted_cluster smallint,       -- prospects predicted before value tiers
    cluster_probability double,       -- prospects predicted before value tiers
    predicted_tier varchar,           -- value potential: VIP 잠재 | 일반 | 실속
    tier_probability double,          -- calibrated, 0-1
    model_version varchar,
    predicted_at varchar,
    source_file varchar not null
);
