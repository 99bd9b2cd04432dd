-- recipients of a campaign: customers with an e-mail address, their trained segment and
-- customer type, and the counter features the recommendations need.
-- params: $brand ('Hyundai' | 'Kia'), $segment (null = any), $cluster (null = any),
-- $market (canonical name, null = any). amount_krw in KRW; purchase_count in purchases.
with customers_with_email as (
    select * from customers
    where brand = $brand and email is not null and trim(email) <> ''
),

segments as (
    select customer_id, segment from customer_segments
),

clusters as (
    select customer_id, cluster, persona from customer_clusters
),

final as (
    select
        c.customer_id, c.brand, c.name, c.email, c.market,
        s.segment, k.cluster, k.persona,
        c.age, c.gender, c.vehicle_class, c.amount_krw, c.payment_method,
        c.purchase_count, c.channel, c.eco_friendly, c.signup_date
    from customers_with_email as c
    inner join segments as s using (customer_id)
    inner join clusters as k using (customer_id)
    where ($segment is null or s.segment = $segment)
        and ($cluster is null or k.cluster = $cluster)
        and ($market is null or c.market = $market)
)

select * from final
order by customer_id
