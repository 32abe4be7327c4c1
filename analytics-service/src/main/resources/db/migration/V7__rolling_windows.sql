-- Rolling windows (the last 7, 30 or 365 days). By the act's date they read the day rows of the series. By when
-- Rasd first saw the act, each incident keeps when its earliest counted report was accepted: kept exact as
-- reports come, are corrected and go (the earliest one removed, the next one's time is the incident's).
alter table counted_incident add column first_seen timestamptz;
create index counted_incident_by_first_seen on counted_incident (first_seen);
-- the reports of the incidents a batch touched, to find their earliest again
create index counted_event_by_incident on counted_event (incident_id);
-- the countries and themes of the incidents first seen in a window
create index country_incident_by_incident on country_incident (incident_id);
create index theme_incident_by_incident on theme_incident (incident_id);
update counted_incident i set first_seen = s.first_seen
from (select incident_id, min(accepted_at) as first_seen from counted_event where not removed group by incident_id) s
where i.incident_id = s.incident_id;
