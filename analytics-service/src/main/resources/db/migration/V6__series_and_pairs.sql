-- Time series and country pairs, counted like the other rows: events, and incidents through the membership
-- tables (an act reported five times is one incident in its bucket). A bucket is a span (day, week, month or
-- year) and its first day (starts, ISO yyyy-mm-dd). An act counts only in the spans its date's precision allows:
-- a month-precision act is in its month and year, not in a day or week. A pair is the acting country (country)
-- and one partner; the unordered pair is the sum of both directions, since an act has one actor.
create table period_count (
    span      text   not null,
    starts    text   not null,
    events    bigint not null,
    incidents bigint not null,
    primary key (span, starts)
);
create table period_incident (
    span        text   not null,
    starts      text   not null,
    incident_id text   not null,
    refs        bigint not null,
    primary key (span, starts, incident_id)
);
create table period_country_count (
    span      text   not null,
    starts    text   not null,
    country   text   not null,
    events    bigint not null,
    incidents bigint not null,
    primary key (span, starts, country)
);
create table period_country_incident (
    span        text   not null,
    starts      text   not null,
    country     text   not null,
    incident_id text   not null,
    refs        bigint not null,
    primary key (span, starts, country, incident_id)
);
create table period_theme_count (
    span      text   not null,
    starts    text   not null,
    theme     text   not null,
    events    bigint not null,
    incidents bigint not null,
    primary key (span, starts, theme)
);
create table period_theme_incident (
    span        text   not null,
    starts      text   not null,
    theme       text   not null,
    incident_id text   not null,
    refs        bigint not null,
    primary key (span, starts, theme, incident_id)
);
create table period_type_count (
    span       text   not null,
    starts     text   not null,
    event_type text   not null,
    events     bigint not null,
    incidents  bigint not null,
    primary key (span, starts, event_type)
);
create table period_type_incident (
    span        text   not null,
    starts      text   not null,
    event_type  text   not null,
    incident_id text   not null,
    refs        bigint not null,
    primary key (span, starts, event_type, incident_id)
);
create table pair_count (
    country   text   not null,
    partner   text   not null,
    events    bigint not null,
    incidents bigint not null,
    primary key (country, partner)
);
create table pair_incident (
    country     text   not null,
    partner     text   not null,
    incident_id text   not null,
    refs        bigint not null,
    primary key (country, partner, incident_id)
);
create table period_pair_count (
    span      text   not null,
    starts    text   not null,
    country   text   not null,
    partner   text   not null,
    events    bigint not null,
    incidents bigint not null,
    primary key (span, starts, country, partner)
);
create table period_pair_incident (
    span        text   not null,
    starts      text   not null,
    country     text   not null,
    partner     text   not null,
    incident_id text   not null,
    refs        bigint not null,
    primary key (span, starts, country, partner, incident_id)
);
-- A partner's pairs, for its top partners: the pair tables are keyed by the acting country first.
create index pair_count_by_partner on pair_count (partner);
create index period_pair_count_by_partner on period_pair_count (partner, span, starts);

-- What each counted version added to the series and pairs, to be taken away by the next. Versions counted
-- before this migration added nothing there: after upgrading, `deploy/recount --replace` counts them in.
alter table counted_event add column actor text;
alter table counted_event add column partners text;
alter table counted_event add column date_value text;
