-- One real-world act, joined from the events (its mentions) that report it: the rule is ActReport.sameActAs
-- (deploy/service-support). The act's signature is the most precise its mentions give; the counts and unions
-- are recomputed from the mentions whenever one joins. Arrays are varchar[], not text[]: Hibernate binds array
-- parameters as varchar[], and text[] @> varchar[] does not exist.
create table incident (
    seq        bigint generated always as identity unique,
    id         text primary key,
    version    int  not null,
    -- type family, actor and partners: mentions are only ever joined to incidents of their key
    join_key   text not null,
    type       text not null,
    actor      text,
    partners   varchar[] not null,
    date_from  date,
    date_to    date,
    place      text,
    sort_date  date not null,
    first_seen timestamptz not null,
    last_seen  timestamptz not null,
    mentions   int not null,
    articles   int not null,
    sources    int not null,
    themes     varchar[] not null,
    -- every date and place its mentions gave: more than one shows a conflict between reports
    dates      varchar[] not null,
    places     varchar[] not null
);
create index incident_by_key on incident (join_key, date_from);
create index incident_newest on incident (sort_date desc, seq desc);

-- Events stored before incidents existed keep a null incident.
alter table catalog_event add column incident_id text references incident (id);
create index catalog_event_by_incident on catalog_event (incident_id);
