-- The events of some articles: which incidents hold reports of a batch's articles (IncidentJoiner), and the events a
-- new version of an article replaces (CatalogService), each found without reading every event.
create index catalog_event_by_article on catalog_event (article_id);
