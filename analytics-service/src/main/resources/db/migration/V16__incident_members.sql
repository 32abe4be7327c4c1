-- An incident's memberships of the aggregate rows move into its own row: counted_incident.members, a JSON object
-- from each row that includes the incident (its dimension and key parts joined by '|', as EventCounting names
-- them: COUNTRY|MA, PERIOD_COUNTRY|day|2024-02-13|MA) to how many of its counted reports are in it. A batch then
-- rewrites one row an incident it touches instead of a row for each membership in twelve tables, about 48 rows
-- an event, and reads the days of the rolling windows from the rows it has locked anyway. Kept uncompressed in the
-- table's own pages up to 8 kB (toast_tuple_target): an incident's members are read and written whole each time.
alter table counted_incident add column members jsonb not null default '{}';
alter table counted_incident set (toast_tuple_target = 8160);

update counted_incident i set members = m.members
from (select incident_id, jsonb_object_agg(member, refs) as members
      from (select incident_id, 'COUNTRY|' || country as member, refs from country_incident
            union all select incident_id, 'COUNTRY_TYPE|' || country || '|' || event_type, refs from country_type_incident
            union all select incident_id, 'COUNTRY_THEME|' || country || '|' || theme, refs from country_theme_incident
            union all select incident_id, 'THEME|' || theme, refs from theme_incident
            union all select incident_id, 'PERIOD|' || span || '|' || starts, refs from period_incident
            union all select incident_id, 'PERIOD_COUNTRY|' || span || '|' || starts || '|' || country, refs from period_country_incident
            union all select incident_id, 'PERIOD_THEME|' || span || '|' || starts || '|' || theme, refs from period_theme_incident
            union all select incident_id, 'PERIOD_TYPE|' || span || '|' || starts || '|' || event_type, refs from period_type_incident
            union all select incident_id, 'PERIOD_COUNTRY_THEME|' || span || '|' || starts || '|' || country || '|' || theme, refs
                      from period_country_theme_incident
            union all select incident_id, 'PERIOD_COUNTRY_TYPE|' || span || '|' || starts || '|' || country || '|' || event_type, refs
                      from period_country_type_incident
            union all select incident_id, 'PAIR|' || country || '|' || partner, refs from pair_incident
            union all select incident_id, 'PERIOD_PAIR|' || span || '|' || starts || '|' || country || '|' || partner, refs
                      from period_pair_incident) memberships
      where refs > 0
      group by incident_id) m
where i.incident_id = m.incident_id;

drop table country_incident, country_type_incident, country_theme_incident, theme_incident, period_incident,
    period_country_incident, period_theme_incident, period_type_incident, period_country_theme_incident,
    period_country_type_incident, pair_incident, period_pair_incident;
