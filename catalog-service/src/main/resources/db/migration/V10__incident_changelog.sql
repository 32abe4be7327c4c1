-- The outbox carries the incidents' changelog beside the events': each row names the topic it goes to.
alter table event_outbox add column topic text not null default 'events';
