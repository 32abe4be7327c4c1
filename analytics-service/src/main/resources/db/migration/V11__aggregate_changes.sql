-- The changes of the aggregates, one row per counting transaction that moved something, in commit order: every
-- analytics instance relays them to its own stream subscribers, whichever instance counted them (ChangeLog).
-- seq is drawn under an advisory lock held until commit, so seq order is commit order; changed_at is set under the
-- same lock, so the rows older than the stream's keep time are the first ones.
create sequence aggregate_change_seq;

create table aggregate_change (
    seq        bigint primary key,
    -- the change as the stream sends it, without series buckets
    change     json not null,
    -- the series rows it moved, by dimension: their values are read when relayed, for subscribers that follow series
    series     json,
    changed_at timestamptz not null default clock_timestamp()
);
