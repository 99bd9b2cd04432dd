-- one parsed file into source_rows: each number cell joined to its line's labels and,
-- for files with a column per market, to that column's market. units: vehicles.
insert into source_rows by name
with final as (
    select
        l.source_file, l.format, l.priority, c.line, l.brand, l.model, l.category,
        l.model_label, l.vehicle_type, l.powertrain,
        coalesce(m.market, l.market) as market,
        coalesce(m.market_label, l.market_label) as market_label,
        coalesce(m.region, l.region) as region,
        l.plant, l.flow, l.sales_type, l.year, c.month, c.units
    from stage_cells as c
    inner join stage_lines as l using (line)
    left join stage_markets as m using (market_col)
)

select * from final;
