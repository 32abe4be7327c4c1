create table article (
    id           text primary key,
    url          text,
    source       text,
    title        text,
    published_at text,
    language     text,
    extractor    text not null,
    document     text not null,
    stored_at    timestamptz not null
);

create table catalog_event (
    seq           bigint generated always as identity unique,
    id            text primary key,
    version       int  not null,
    article_id    text not null references article (id),
    type          text not null,
    occurred_from date,
    occurred_to   date,
    sort_date     date not null,
    document      text not null
);
create index catalog_event_newest on catalog_event (sort_date desc, seq desc);
create index catalog_event_type on catalog_event (type, sort_date desc, seq desc);

create table catalog_event_country (
    event_id text not null references catalog_event (id),
    country  text not null,
    primary key (event_id, country)
);
create index catalog_event_country_by_country on catalog_event_country (country, event_id);

create table catalog_event_theme (
    event_id text not null references catalog_event (id),
    theme    text not null,
    primary key (event_id, theme)
);
create index catalog_event_theme_by_theme on catalog_event_theme (theme, event_id);

-- Events committed with their article and not yet acknowledged by the broker (transactional outbox).
create table event_outbox (
    seq      bigint generated always as identity primary key,
    event_id text not null,
    payload  text not null
);
