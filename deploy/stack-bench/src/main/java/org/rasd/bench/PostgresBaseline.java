package org.rasd.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.rasd.catalog.article.ArticleDocument;
import org.rasd.catalog.record.ArticleRecord;
import org.rasd.catalog.record.Event;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Bare PostgreSQL inserts of the rows the catalog stores for each article (the article, its events, their
 * countries and themes), derived from the same article records as the catalog derives them, into a scratch
 * database made by the catalog's own migrations. Each transaction holds {@link #BATCH} articles, one
 * multi-row {@code insert ... select * from unnest(...)} per table: the cheapest path through JDBC short of
 * {@code COPY}.
 */
final class PostgresBaseline {

    record Figures(long articles, long rows, double articlesPerSecond, double rowsPerSecond) {
    }

    static final int BATCH = 500;
    private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__.*\\.sql");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The rows of one article, as the catalog writes them, before the article is given an id of its own. */
    private record Template(ArticleDocument article, List<EventRows> events) {
    }

    private record EventRows(String id, String document, String type, String occurredFrom, String occurredTo, String sortDate,
                             List<String> countries, List<String> themes, String searchText) {
    }

    private PostgresBaseline() {
    }

    static Figures run(String postgresAddress, Path migrations, List<ArticleDocument> records, String database,
                       Duration duration) throws SQLException {
        List<Template> templates = records.stream().map(PostgresBaseline::template).toList();
        try (Connection admin = StackDatabases.connect(postgresAddress, "postgres")) {
            execute(admin, "create database " + database);
            try {
                try (Connection scratch = StackDatabases.connect(postgresAddress, database)) {
                    for (Path migration : migrationsInOrder(migrations)) {
                        execute(scratch, Files.readString(migration));
                    }
                    return insertFor(scratch, templates, duration);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                execute(admin, "drop database " + database + " with (force)");
            }
        }
    }

    private static Figures insertFor(Connection scratch, List<Template> templates, Duration duration) throws SQLException {
        scratch.setAutoCommit(false);
        long articles = 0;
        long rows = 0;
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        try (PreparedStatement article = scratch.prepareStatement("insert into article (id, url, source, title, "
                + "published_at, language, extractor, document, stored_at, accepted_at) "
                + "select id, url, source, title, published_at, language, extractor, document, now()"
                + ", now() from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
                + "?::text[], ?::text[], ?::text[]) as u(id, url, source, title, published_at, language, extractor, document)");
             PreparedStatement event = scratch.prepareStatement("insert into catalog_event (id, version, article_id, "
                + "type, occurred_from, occurred_to, sort_date, document) select id, 1, article_id, type, f::date, "
                + "t::date, s::date, document from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
                + "?::text[], ?::text[]) as u(id, article_id, type, f, t, s, document)");
             PreparedStatement country = scratch.prepareStatement("insert into catalog_event_country (event_id, country) "
                + "select * from unnest(?::text[], ?::text[])");
             PreparedStatement theme = scratch.prepareStatement("insert into catalog_event_theme (event_id, theme) "
                + "select * from unnest(?::text[], ?::text[])");
             PreparedStatement searchText = scratch.prepareStatement("insert into event_search_text (event_id, search_text) "
                + "select * from unnest(?::text[], ?::text[])")) {
            while (System.nanoTime() < end) {
                Columns articleRows = new Columns(8);
                Columns eventRows = new Columns(7);
                Columns countryRows = new Columns(2);
                Columns themeRows = new Columns(2);
                Columns searchTextRows = new Columns(2);
                for (int i = 0; i < BATCH; i++, articles++) {
                    Template template = templates.get((int) (articles % templates.size()));
                    ArticleRecord record = template.article().record();
                    String id = record.id() + "-" + articles;
                    articleRows.add(id, record.url(), record.source(), record.title(), record.publishedAt(), record.language(),
                            record.extractor(), template.article().payload());
                    for (EventRows stored : template.events()) {
                        String eventId = stored.id() + "-" + articles;
                        eventRows.add(eventId, id, stored.type(), stored.occurredFrom(), stored.occurredTo(),
                                stored.sortDate(), stored.document());
                        stored.countries().forEach(code -> countryRows.add(eventId, code));
                        stored.themes().forEach(code -> themeRows.add(eventId, code));
                        searchTextRows.add(eventId, stored.searchText());
                    }
                }
                rows += articleRows.insert(article) + eventRows.insert(event) + countryRows.insert(country)
                        + themeRows.insert(theme) + searchTextRows.insert(searchText);
                scratch.commit();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Figures(articles, rows, articles / seconds, rows / seconds);
    }

    private static Template template(ArticleDocument document) {
        List<EventRows> events = new ArrayList<>();
        // the catalog falls back on the publication day, else the day of storing: the cost is the same either way
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        for (Event event : document.record().events()) {
            LocalDate[] period = event.period();
            events.add(new EventRows(event.id(), json(event), event.type(),
                    period == null ? null : period[0].toString(), period == null ? null : period[1].toString(),
                    period == null ? today : period[0].toString(), event.involvedCountries(), event.distinctThemes(),
                    document.record().searchTextOf(event)));
        }
        return new Template(document, events);
    }

    private static String json(Event event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event cannot be written as JSON", e);
        }
    }

    /** Rows of one table gathered column by column, for one {@code unnest} per column. */
    private static final class Columns {
        private final List<List<String>> columns = new ArrayList<>();

        Columns(int count) {
            for (int i = 0; i < count; i++) {
                columns.add(new ArrayList<>());
            }
        }

        void add(String... row) {
            for (int i = 0; i < row.length; i++) {
                columns.get(i).add(row[i]);
            }
        }

        int insert(PreparedStatement statement) throws SQLException {
            int rows = columns.getFirst().size();
            if (rows == 0) {
                return 0;
            }
            for (int i = 0; i < columns.size(); i++) {
                statement.setArray(i + 1, statement.getConnection().createArrayOf("text", columns.get(i).toArray()));
            }
            statement.executeUpdate();
            return rows;
        }
    }

    private static List<Path> migrationsInOrder(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> MIGRATION.matcher(f.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(PostgresBaseline::version)).toList();
        }
    }

    private static int version(Path migration) {
        Matcher matcher = MIGRATION.matcher(migration.getFileName().toString());
        matcher.matches();
        return Integer.parseInt(matcher.group(1));
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
