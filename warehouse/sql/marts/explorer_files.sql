-- market explorer, source data: every file build or ingest read (load_log), with its
-- data-quality findings counted. rows_* and fact_rows: rows; seconds: wall time.
with files as (
    select
        source_file, format, brand, status, encoding, rows_read, rows_loaded,
        rows_rejected, fact_rows, loaded_at, seconds, year
    from load_log
),

findings as (
    select
        source_file,
        count(*) filter (where severity = 'warning') as warnings,
        count(*) filter (where severity <> 'warning') as notes
    from data_quality
    where source_file is not null
    group by all
),

final as (
    select
        files.*,
        coalesce(findings.warnings, 0)::bigint as warnings,
        coalesce(findings.notes, 0)::bigint as notes
    from files
    left join findings on files.source_file = findings.source_file
)

select * from final
order by source_file
