-- An event moved to another incident while its article keeps its version (a correction of another article took
-- away the report that had joined its incident's reports together) is filed again: filing counts those moves, and
-- orders the message of each after the ones before it (EventVersion.filing). A new version of the article stores
-- the event afresh, at filing 0.
alter table catalog_event add column filing integer not null default 0;
