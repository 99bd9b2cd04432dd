-- the data-quality report as the data page lists it: warnings first.
select severity, check_name, source_file, detail
from data_quality
order by severity desc, check_name, source_file
