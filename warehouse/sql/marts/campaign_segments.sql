-- the RFM segments of one brand, for the campaign form: segment (as trained), customers.
-- params: $brand ('Hyundai' | 'Kia').
with segments as (
    select segment from customer_segments where brand = $brand
),

final as (
    select segment, count(*) as customers
    from segments
    group by segment
)

select * from final
order by customers desc, segment
