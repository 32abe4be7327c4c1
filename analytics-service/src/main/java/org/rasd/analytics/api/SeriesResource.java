package org.rasd.analytics.api;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.rasd.analytics.counting.Interval;
import org.rasd.analytics.series.Series;
import org.rasd.analytics.series.SeriesFilter;
import org.rasd.analytics.series.SeriesStore;
import org.rasd.support.csv.CsvRows;
import org.rasd.support.http.Problems;
import org.rasd.support.http.QueryParameters;

import java.time.LocalDate;
import java.time.ZoneOffset;

/** Acts counted by day, week, month or year of their date, with zeros where there were none. */
@Path("/api/series")
@Produces(MediaType.APPLICATION_JSON)
public class SeriesResource {

    private static final String NOT_A_SERIES = "An unknown interval, a filter or day that does not parse, a series not kept "
            + "for these filters at this interval, from after to, or too many buckets.";

    /** Buckets listed when {@code from} is not given. */
    static final int DEFAULT_BUCKETS = 12;

    private final SeriesStore store;

    public SeriesResource(SeriesStore store) {
        this.store = store;
    }

    /**
     * @param to   the last day, today (UTC) when absent
     * @param from the first day, the twelfth bucket before {@code to}'s when absent
     */
    @GET
    @APIResponse(responseCode = "200", description = "Every bucket of the period, empty ones with zeros.")
    @APIResponse(responseCode = "400", description = NOT_A_SERIES)
    public Uni<Series> series(@QueryParam("interval") @DefaultValue("month") String interval, @QueryParam("from") String from,
                              @QueryParam("to") String to, @QueryParam("country") String country,
                              @QueryParam("partner") String partner, @QueryParam("theme") String theme,
                              @QueryParam("type") String type) {
        Interval buckets = interval("interval", interval);
        SeriesFilter filter = new SeriesFilter(QueryParameters.country("country", country), QueryParameters.country("partner", partner),
                QueryParameters.code(theme), QueryParameters.code(type));
        if (!filter.isKept(buckets)) {
            throw Problems.problem(Response.Status.BAD_REQUEST,
                    "No series is kept for these filters by " + buckets.label() + ". Series are kept by: " + SeriesFilter.KEPT + ".");
        }
        LocalDate last = day("to", to, LocalDate.now(ZoneOffset.UTC));
        LocalDate defaultFirst = buckets.start(last);
        for (int i = 1; i < DEFAULT_BUCKETS; i++) {
            defaultFirst = buckets.start(defaultFirst.minusDays(1));
        }
        LocalDate first = day("from", from, defaultFirst);
        if (first.isAfter(last)) {
            throw Problems.problem(Response.Status.BAD_REQUEST, "from must not be after to.");
        }
        if (SeriesStore.bucketCount(buckets, first, last) > SeriesStore.MAX_BUCKETS) {
            throw Problems.problem(Response.Status.BAD_REQUEST, "A series lists at most " + SeriesStore.MAX_BUCKETS
                    + " buckets: ask for a shorter period or a longer interval.");
        }
        return store.series(buckets, first, last, filter);
    }

    /** The same series as CSV: a row a bucket, its start, incidents and events. */
    @GET
    @Path("export.csv")
    @Produces("text/csv")
    @APIResponse(responseCode = "200", description = "A header, then a row a bucket.", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING), example = "start,incidents,events\n2024-01-01,3,7\n2024-02-01,0,0\n"))
    @APIResponse(responseCode = "400", description = NOT_A_SERIES)
    public Multi<String> seriesCsv(@QueryParam("interval") @DefaultValue("month") String interval, @QueryParam("from") String from,
                                   @QueryParam("to") String to, @QueryParam("country") String country,
                                   @QueryParam("partner") String partner, @QueryParam("theme") String theme,
                                   @QueryParam("type") String type) {
        return CsvRows.of(Series.Bucket.class, series(interval, from, to, country, partner, theme, type)
                .onItem().transformToMulti(found -> Multi.createFrom().iterable(found.buckets())));
    }

    /** An interval named by a query parameter, or a 400 problem. */
    static Interval interval(String parameter, String label) {
        try {
            return Interval.of(label.strip());
        } catch (IllegalArgumentException unknown) {
            throw Problems.problem(Response.Status.BAD_REQUEST, parameter + " must be one of " + String.join(", ", Interval.labels()) + ".");
        }
    }

    private static LocalDate day(String name, String value, LocalDate otherwise) {
        String day = QueryParameters.day(name, value);
        return day == null ? otherwise : LocalDate.parse(day);
    }
}
