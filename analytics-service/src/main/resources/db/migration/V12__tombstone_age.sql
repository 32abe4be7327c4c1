-- When each removed event's row became a tombstone: tombstones are kept for rasd.analytics.tombstones.keep, then
-- pruned (Tombstones). The tombstones kept from before are taken as made now, so they get the whole retention.
alter table counted_event add column removed_at timestamptz;
update counted_event set removed_at = now() where removed;
create index counted_event_tombstones on counted_event (removed_at) where removed;
