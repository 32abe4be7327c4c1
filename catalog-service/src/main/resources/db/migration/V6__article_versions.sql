-- Article versions. The revision names what the stored record was made from (text and extractor): ingest
-- compares it before publishing a re-post, and the catalog replaces an article only with another revision.
-- Records stored before carry none: a re-post of one is taken as a new version.
alter table article add column revision text;
alter table article add column version int not null default 1;
