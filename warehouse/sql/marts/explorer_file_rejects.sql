-- market explorer, source data: the rows of one file ($file) quarantined at load, with
-- the line, column and reason, and the raw line as read.
select line, "column", reason, raw
from rejected_rows
where source_file = $file
order by line, "column"
