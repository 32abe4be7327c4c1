-- Arabic full-text search of incidents, over their mentions' evidence sentences and their articles' titles
-- (PostgreSQL's arabic text-search configuration: its Snowball stemmer matches الإرهاب with إرهاب). Each mention
-- keeps the text it is searched by; the search matches through rasd_matches, a SQL function PostgreSQL inlines,
-- so that the expression index below serves it.
alter table catalog_event add column search_text text;

update catalog_event e
set search_text = concat_ws(' ',
        case when (e.document::jsonb #>> '{evidence,start}') is not null and (e.document::jsonb #>> '{evidence,end}') is not null
             then substring(a.document::jsonb ->> 'text'
                            from (e.document::jsonb #>> '{evidence,start}')::int + 1
                            for greatest(0, (e.document::jsonb #>> '{evidence,end}')::int - (e.document::jsonb #>> '{evidence,start}')::int))
        end,
        a.title)
from article a
where a.id = e.article_id;

create function rasd_matches(searched text, query text) returns boolean
    language sql immutable parallel safe
as $$ select to_tsvector('arabic', coalesce(searched, '')) @@ websearch_to_tsquery('arabic', query) $$;

create index catalog_event_text on catalog_event using gin (to_tsvector('arabic', coalesce(search_text, '')));
