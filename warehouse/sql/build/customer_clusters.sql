-- customer type (cluster) per customer, written by `carsight train` (see analytics/clusters.py).
create table customer_clusters (
    customer_id varchar not null,     -- customers.customer_id; one row per customer
    brand varchar not null,           -- Hyundai | Kia
    cluster smallint not null,        -- 1..K, 1 = the largest cluster of the brand
    persona varchar,                  -- generated from the cluster profile, Korean
    model_version varchar not null    -- artifacts/segmentation/<brand>/<model_version>
);
