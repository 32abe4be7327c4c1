-- Event versions counted exactly: each counted version keeps what it added (type, countries, themes, incident,
-- article), so that a newer version, or the event's removal, takes exactly that away again. Memberships keep
-- how many counted events hold them (refs): a row leaves a count when its last event goes.
-- Versions counted before this migration kept nothing of what they added: after upgrading, run
-- `deploy/recount --replace` once, which counts every stored event again with what it adds.
alter table counted_event add column incident_id text;
alter table counted_event add column event_type text;
alter table counted_event add column countries text;
alter table counted_event add column themes text;
alter table counted_event add column removed boolean not null default false;
alter table counted_article add column refs bigint not null default 1;
alter table counted_incident add column refs bigint not null default 1;
alter table country_article add column refs bigint not null default 1;
alter table country_incident add column refs bigint not null default 1;
alter table country_type_incident add column refs bigint not null default 1;
alter table country_theme_incident add column refs bigint not null default 1;
alter table theme_incident add column refs bigint not null default 1;
