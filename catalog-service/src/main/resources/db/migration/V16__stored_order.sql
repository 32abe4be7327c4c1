-- Ingest follows the ids the catalog stores, in storing order from a moment on (GET /api/articles/ids).
create index article_stored_order on article (stored_at, id);
