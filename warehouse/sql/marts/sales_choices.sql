-- units (vehicles) per market, month, vehicle type and powertrain: what the strategy
-- filters can offer, and which months each market has data for (a month without a
-- row is missing, never zero), per brand: each brand reports on its own calendar. Reads `sales_rows` (marts/sales_rows_*.sql).
with final as (
    select
        market,
        brand,
        year,
        month,
        vehicle_type,
        powertrain,
        sum(units)::bigint as units
    from sales_rows
    group by all
)

select * from final
