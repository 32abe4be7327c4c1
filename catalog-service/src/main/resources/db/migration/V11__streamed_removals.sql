-- Events taken away (a corrected article no longer reports them), as the event stream carries them: at the
-- position of the joining transaction that took them away, numbered from the events' own sequence so that a
-- stream position names one event or one removal.
create table event_removal (
    seq        bigint primary key default nextval(pg_get_serial_sequence('catalog_event', 'seq')),
    event_id   text not null,
    version    int  not null,
    article_id text not null,
    xid        xid8 not null default pg_current_xact_id()
);
create index event_removal_stream on event_removal (xid, seq);
