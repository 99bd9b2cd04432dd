-- customer profiles, cleaned to canonical values. PII: name, phone, email, address.
create table customers (
    customer_id varchar primary key,  -- brand initial + user id, e.g. H-yherrera
    brand varchar not null,
    user_id varchar not null,
    name varchar,
    birth_date date,
    age smallint,
    gender varchar,            -- M | F
    phone varchar,
    email varchar,
    address varchar,
    region varchar,            -- from the address: 시·도 short name (서울) or US state (KS); null = unknown
    district varchar,          -- from a Korean address: 시·군·구 (진주시, 종로구); else null
    signup_date date,
    vehicle_class varchar,     -- canonical, e.g. 중형 SUV
    body_type varchar,         -- SUV, 세단, 해치백, 픽업트럭
    size_class varchar,        -- 소형, 준중형, 중형, 준대형, 대형
    model_label varchar,       -- as published
    model varchar,             -- canonical model family
    powertrain varchar,
    eco_friendly boolean,
    purchase_date date,
    amount_krw bigint,         -- transaction amount, KRW
    payment_method varchar,    -- 현금 | 계좌이체 | 신용카드
    purchase_count integer,    -- number of purchases
    channel varchar,           -- 온라인 | 오프라인
    launch_month varchar,      -- YYYY-MM
    market_label varchar,      -- as published, e.g. 대한민국
    market varchar,            -- canonical market
    orig_segment tinyint,      -- the original project's label; not ground truth
    orig_cluster tinyint,      -- the original project's label; not ground truth
    source_line integer,
    source_file varchar not null
);
