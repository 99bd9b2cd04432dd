-- predictions made at the dealer counter for app-registered customers, merged from the
-- operational store at build time (one row per registered customer with a prediction).
-- probabilities are 0-1; predicted_at is UTC text 'YYYY-MM-DD HH:MM:SS'.
create table customer_predictions (
    customer_id varchar,
    brand varchar,
    predicted_segment varchar,
    segment_probability double,
    predicted_cluster smallint,
    cluster_probability double,
    predicted_tier varchar,
    tier_probability double,
    model_version varchar,
    predicted_at varchar
);
