-- the latest load_log entry of a file just ingested (upload page, `carsight watch`).
-- params: $path (as recorded), $name_pattern ('%/<file name>').
select source_file, format, status, rows_read, rows_loaded, rows_rejected
from load_log
where source_file = $path or source_file like $name_pattern
order by loaded_at desc
limit 1
