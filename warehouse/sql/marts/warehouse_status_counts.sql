-- the data page's headline counts: files loaded, fact rows, quarantined rows, warnings.
with final as (
    select
        (select count(*) from load_log where status = 'loaded') as files,
        (select count(*) from fact_sales) as fact_rows,
        (select count(*) from rejected_rows) as rejected_rows,
        (select count(*) from data_quality where severity = 'warning') as warnings
)

select * from final
