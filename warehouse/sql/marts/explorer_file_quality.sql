-- market explorer, source data: the data-quality findings of one file ($file).
select check_name, severity, detail
from data_quality
where source_file = $file
order by severity desc, check_name, detail
