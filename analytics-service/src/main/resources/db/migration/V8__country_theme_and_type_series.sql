-- Series of a country with a theme or with a type, by month and year (Interval.keepsCombinations), counted like
-- the other series. Versions counted before this migration are not in them: `deploy/recount --replace` counts
-- them in.
create table period_country_theme_count (
    span      text   not null,
    starts    text   not null,
    country   text   not null,
    theme     text   not null,
    events    bigint not null,
    incidents bigint not null,
    primary key (span, starts, country, theme)
);
create table period_country_theme_incident (
    span        text   not null,
    starts      text   not null,
    country     text   not null,
    theme       text   not null,
    incident_id text   not null,
    refs        bigint not null,
    primary key (span, starts, country, theme, incident_id)
);
create table period_country_type_count (
    span       text   not null,
    starts     text   not null,
    country    text   not null,
    event_type text   not null,
    events     bigint not null,
    incidents  bigint not null,
    primary key (span, starts, country, event_type)
);
create table period_country_type_incident (
    span        text   not null,
    starts      text   not null,
    country     text   not null,
    event_type  text   not null,
    incident_id text   not null,
    refs        bigint not null,
    primary key (span, starts, country, event_type, incident_id)
);
