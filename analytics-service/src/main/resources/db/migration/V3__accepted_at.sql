-- When ingest accepted the event's article (carried by the event message): post-to-counted delay per article.
alter table counted_event add column accepted_at timestamptz;
