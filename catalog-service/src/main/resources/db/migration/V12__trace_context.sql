-- The trace context (W3C traceparent) an article's record came with, kept beside its events from storing through
-- joining to the outbox: the relay sends each event's message on in the article's trace, so that analytics' counting
-- joins it. Null when the record carried none (tracing off).
alter table join_queue add column traceparent text;
alter table event_outbox add column traceparent text;
