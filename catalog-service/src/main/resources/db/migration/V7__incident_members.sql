-- The articles and sources each incident's mentions came from: a new mention adds to an incident's counts by
-- looking up its own article and source, not by counting every mention again (an act reported a thousand
-- times would otherwise cost a thousand rows at each new report).
create table incident_article (
    incident_id text not null references incident (id) on delete cascade,
    article_id  text not null,
    primary key (incident_id, article_id)
);
create table incident_source (
    incident_id text not null references incident (id) on delete cascade,
    source      text not null,
    primary key (incident_id, source)
);
insert into incident_article
select distinct e.incident_id, e.article_id from catalog_event e where e.incident_id is not null;
insert into incident_source
select distinct e.incident_id, coalesce(a.source, a.url, a.id)
from catalog_event e join article a on a.id = e.article_id where e.incident_id is not null;
