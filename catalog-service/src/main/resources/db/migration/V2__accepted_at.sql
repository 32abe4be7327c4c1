-- When ingest accepted the article (the record's rasd-accepted-at header): post-to-stored delay per article.
alter table article add column accepted_at timestamptz;
