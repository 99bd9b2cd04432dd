-- Is this prospect id taken? Parameter: prospect_id.
select 1 from prospects where prospect_id = ?
