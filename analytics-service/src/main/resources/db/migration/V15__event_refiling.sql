-- The filing of the counted version of each event (the events topic's "filing"): a message of the same version
-- filed again under another incident (the catalog split the incident) replaces the counted one; a repeat of it, or
-- of an earlier filing, moves nothing.
alter table counted_event add column filing integer not null default 0;
