-- the dealer page's customer frame: PII-free profiles with their RFM segment and customer type.
-- params: $brand ('all' = both). Customers not yet trained have null segment/cluster columns.
-- recency_days in days, frequency in purchases, monetary_krw and amount_krw in KRW.
-- model_body_type: the body type of the purchased model in the model catalogue (dim_model),
-- unlike body_type, which is the customer's own vehicle class (차량구분).
with profiles as (
    select * from customer_profiles
    where $brand = 'all' or brand = $brand
),

segments as (
    select * from customer_segments
),

clusters as (
    select * from customer_clusters
),

models as (
    select brand, model, body_type as model_body_type from dim_model
),

final as (
    select
        p.*,
        s.recency_days, s.frequency, s.monetary_krw, s.r_score, s.f_score, s.m_score,
        s.segment, s.model_version as segment_model_version,
        c.cluster, c.persona, c.model_version as cluster_model_version,
        m.model_body_type
    from profiles as p
    left join segments as s using (customer_id)
    left join clusters as c using (customer_id)
    left join models as m on m.brand = p.brand and m.model = p.model
)

select * from final
order by brand, customer_id
