-- Counts by incident: one real-world act, however many outlets report it (the catalog joins the reports and
-- names the incident in each event message). Each count keeps the incidents it includes, so a second report of
-- an act adds to the events (mentions) and articles beside the count, not to the count. Events counted before
-- incidents existed were each an act of their own: there, incidents equal events.
create table counted_incident (
    incident_id text primary key
);
create table country_incident (
    country     text not null,
    incident_id text not null,
    primary key (country, incident_id)
);
create table country_type_incident (
    country     text not null,
    event_type  text not null,
    incident_id text not null,
    primary key (country, event_type, incident_id)
);
create table country_theme_incident (
    country     text not null,
    theme       text not null,
    incident_id text not null,
    primary key (country, theme, incident_id)
);
create table theme_incident (
    theme       text not null,
    incident_id text not null,
    primary key (theme, incident_id)
);
alter table running_totals add column incidents bigint not null default 0;
alter table country_count add column incidents bigint not null default 0;
alter table country_type_count add column incidents bigint not null default 0;
alter table country_theme_count add column incidents bigint not null default 0;
alter table theme_count add column incidents bigint not null default 0;
update running_totals set incidents = events;
update country_count set incidents = events;
update country_type_count set incidents = events;
update country_theme_count set incidents = events;
update theme_count set incidents = events;
