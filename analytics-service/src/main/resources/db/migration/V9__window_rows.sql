-- Rolling windows read from rows kept by counting (WindowRows), not from every incident of the window. A row is a
-- day or a month (span, starts: its first day), by the act's date or by when Rasd first saw the act (basis), in all
-- or for a country or a theme (dimension, code): the incidents it holds and their events. By date, each row also
-- says the day before it that its incidents were last reported for (previous, '' for none; in a month row, the
-- month's first day when that day is in the month itself), so that an act reported on several days of a window
-- counts once, on the first of them. A window is its whole months' rows and the rows of its other days: at most 12
-- months and 62 days of rows a code, however long the history.
create table window_count (
    basis     text   not null,
    dimension text   not null,
    code      text   not null,
    span      text   not null,
    starts    text   not null,
    previous  text   not null,
    incidents bigint not null,
    events    bigint not null,
    primary key (basis, dimension, span, starts, code, previous)
);
-- the days of the incidents a batch touches, to make their rows again
create index period_incident_days_by_incident on period_incident (incident_id) where span = 'day';
create index period_country_incident_days_by_incident on period_country_incident (incident_id) where span = 'day';
create index period_theme_incident_days_by_incident on period_theme_incident (incident_id) where span = 'day';

-- By date: each day of an incident's reports (those naming the country or theme), with its latest earlier day.
insert into window_count (basis, dimension, code, span, starts, previous, incidents, events)
select 'date', dimension, code, 'day', starts, previous, count(*), sum(refs)
from (select dimension, code, starts, refs,
             coalesce(lag(starts) over (partition by dimension, code, incident_id order by starts), '') as previous
      from (select 'all' as dimension, '' as code, incident_id, starts, refs from period_incident where span = 'day'
            union all
            select 'country', country, incident_id, starts, refs from period_country_incident where span = 'day'
            union all
            select 'theme', theme, incident_id, starts, refs from period_theme_incident where span = 'day') days) dated
group by dimension, code, starts, previous;

-- By first seen: the UTC day each incident's earliest report was accepted, with all its reports.
insert into window_count (basis, dimension, code, span, starts, previous, incidents, events)
select 'seen', dimension, code, 'day', starts, '', count(*), sum(refs)
from (select 'all' as dimension, '' as code, to_char(first_seen at time zone 'UTC', 'YYYY-MM-DD') as starts, refs
      from counted_incident where first_seen is not null
      union all
      select 'country', m.country, to_char(i.first_seen at time zone 'UTC', 'YYYY-MM-DD'), m.refs
      from counted_incident i join country_incident m on m.incident_id = i.incident_id where i.first_seen is not null
      union all
      select 'theme', m.theme, to_char(i.first_seen at time zone 'UTC', 'YYYY-MM-DD'), m.refs
      from counted_incident i join theme_incident m on m.incident_id = i.incident_id where i.first_seen is not null) seen
group by dimension, code, starts;

-- The months, from their days.
insert into window_count (basis, dimension, code, span, starts, previous, incidents, events)
select basis, dimension, code, 'month', month, case when previous < month then previous else month end, sum(incidents), sum(events)
from (select *, left(starts, 8) || '01' as month from window_count where span = 'day') days
group by basis, dimension, code, month, case when previous < month then previous else month end;
