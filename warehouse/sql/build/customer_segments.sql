-- RFM segment per customer, written by `carsight train` (see analytics/rfm.py).
create table customer_segments (
    customer_id varchar not null,     -- customers.customer_id; one row per customer
    brand varchar not null,           -- Hyundai | Kia
    recency_days integer,             -- days from the purchase to the as-of date
    frequency integer,                -- purchases (customers.purchase_count)
    monetary_krw bigint,              -- transaction amount, KRW
    r_score tinyint,                  -- 1-5, 5 = most recent
    f_score tinyint,                  -- 1-5, 5 = most purchases
    m_score tinyint,                  -- 1-5, 5 = highest amount
    segment varchar not null,         -- VIP | 일반 | 신규 | 이탈가능
    model_version varchar not null    -- artifacts/segmentation/<brand>/<model_version>
);
