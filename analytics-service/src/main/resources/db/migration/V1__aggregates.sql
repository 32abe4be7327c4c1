-- Which event versions were counted; written in the same transaction as the counts they moved.
create table counted_event (
    event_id   text primary key,
    version    int  not null,
    article_id text not null,
    counted_at timestamptz not null default now()
);

create table counted_article (
    article_id text primary key
);

create table country_count (
    country  text primary key,
    events   bigint not null,
    articles bigint not null
);

create table country_article (
    country    text not null,
    article_id text not null,
    primary key (country, article_id)
);

create table country_type_count (
    country    text   not null,
    event_type text   not null,
    events     bigint not null,
    primary key (country, event_type)
);

create table theme_count (
    theme  text primary key,
    events bigint not null
);

create table country_theme_count (
    country text   not null,
    theme   text   not null,
    events  bigint not null,
    primary key (country, theme)
);
