-- the customer types (clusters) of one brand, for the campaign form: cluster, persona
-- (Korean, from training), customers (count). params: $brand ('Hyundai' | 'Kia').
with clusters as (
    select cluster, persona from customer_clusters where brand = $brand
),

final as (
    select cluster, min(persona) as persona, count(*) as customers
    from clusters
    group by cluster
)

select * from final
order by cluster
