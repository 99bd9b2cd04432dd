-- the first rejected rows of one loaded file, with the reasons. params: $source_file, $limit.
select line, "column", reason
from rejected_rows
where source_file = $source_file
order by line
limit $limit
