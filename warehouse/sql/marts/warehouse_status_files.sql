-- every file the loader read, with its row counts (rows: file lines; fact_rows: tidy rows).
select
    source_file, format, brand, encoding, status, rows_read,
    rows_loaded, rows_rejected, fact_rows
from load_log
order by source_file
