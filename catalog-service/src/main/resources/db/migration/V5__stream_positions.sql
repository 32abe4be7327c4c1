-- The transaction that stored each event. The event stream reads events in (xid, seq) order and only those
-- stored by transactions older than every one still running: three consumers store at once, and a sequence
-- alone would let a reader pass an event that a slower transaction commits later.
alter table catalog_event add column xid xid8 not null default pg_current_xact_id();
create index catalog_event_stream on catalog_event (xid, seq);
