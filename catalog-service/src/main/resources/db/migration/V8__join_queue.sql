-- Events stored and not yet joined into incidents, and events taken away, in the order they were stored. Storing
-- only queues them; one writer joins them a batch at a time and writes their messages to the outbox. Joining in
-- the storing transactions made every consumer wait for the others' locks on the acts they shared.
create table join_queue (
    seq           bigint generated always as identity primary key,
    event_id      text    not null,
    version       int     not null,
    article_id    text    not null,
    -- a removal: a new version of the article no longer reports the event
    removed       boolean not null,
    -- the incident the event's earlier version was a mention of, which is made again from the mentions left
    left_incident text
);
