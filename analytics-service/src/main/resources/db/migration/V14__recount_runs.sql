-- Recounts (Recount), each a job: how far it has read the catalog's changes and what it found. Its counts are kept in
-- the schema recount, scratch copies of the aggregate tables made when it starts, so that a run stopped (the catalog
-- unreachable, its instance killed) can go on where it was. heartbeat: when its instance last said it works on it.
create table recount_run (
    id          uuid primary key,
    replace     boolean     not null,
    state       text        not null,
    owner       text        not null,
    started     timestamptz not null,
    heartbeat   timestamptz not null,
    finished    timestamptz,
    position    text,
    changes     bigint      not null default 0,
    matches     boolean,
    replaced    boolean,
    differences jsonb,
    error       text
);
-- one scratch schema: one run at a time
create unique index recount_run_one_running on recount_run ((true)) where state = 'running';
