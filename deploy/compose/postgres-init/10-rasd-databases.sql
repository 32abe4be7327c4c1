-- The databases of Rasd's services, one each (CATALOG_DB_NAME and ANALYTICS_DB_NAME in compose.yaml); each service
-- creates its tables with Flyway when it starts. The image runs this on its first start, as POSTGRES_USER.
CREATE DATABASE catalog;
CREATE DATABASE analytics;
