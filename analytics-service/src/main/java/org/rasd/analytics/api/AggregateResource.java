package org.rasd.analytics.api;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.rasd.analytics.counting.AggregateStore;
import org.rasd.analytics.counting.AggregateStream;
import org.rasd.analytics.counting.Aggregates;
import org.rasd.analytics.counting.Interval;
import org.rasd.analytics.counting.StreamFilter;
import org.rasd.analytics.series.Partner;
import org.rasd.analytics.series.SeriesStore;
import org.rasd.analytics.window.RecentWindow;
import org.rasd.analytics.window.WindowStore;
import org.rasd.support.csv.CsvRows;
import org.rasd.support.http.Problems;
import org.rasd.support.http.QueryParameters;
import org.rasd.support.http.SseHeartbeats;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

@Path("/api/aggregates")
@Produces(MediaType.APPLICATION_JSON)
public class AggregateResource {

    /** The most partners one answer lists. */
    static final int MAX_PARTNERS = 250;

    private final AggregateStore store;
    private final AggregateStream stream;
    private final SeriesStore series;
    private final WindowStore windows;

    public AggregateResource(AggregateStore store, AggregateStream stream, SeriesStore series, WindowStore windows) {
        this.store = store;
        this.stream = stream;
        this.series = series;
        this.windows = windows;
    }

    /** Every country with events, most events first, with the totals. */
    @GET
    @Path("countries")
    public Uni<Aggregates.Countries> countries() {
        return store.countries();
    }

    @GET
    @Path("countries/{code}")
    @APIResponse(responseCode = "200", description = "The country's counts, by type and theme.")
    @APIResponse(responseCode = "400", description = "The code is not an ISO 3166-1 alpha-2 code.")
    @APIResponse(responseCode = "404", description = "No events counted for the country.")
    public Uni<Aggregates.CountryDetail> country(@PathParam("code") String code) {
        String country = QueryParameters.country("The country", code);
        return store.country(country).map(found -> found.orElseThrow(() -> Problems.problem(Response.Status.NOT_FOUND,
                "No events counted for country " + country + ".")));
    }

    /** The country's partners with the most acts together, either one acting; of one year of the acts' dates when given. */
    @GET
    @Path("countries/{code}/partners")
    @APIResponse(responseCode = "200", description = "The partners, most acts together first.")
    @APIResponse(responseCode = "400", description = "The code, year or limit is not one this endpoint takes.")
    public Uni<List<Partner>> partners(@PathParam("code") String code, @QueryParam("year") Integer year,
                                       @QueryParam("limit") @DefaultValue("20") int limit) {
        String country = QueryParameters.country("The country", code);
        if (year != null && (year < 1 || year > 9999)) {
            throw Problems.problem(Response.Status.BAD_REQUEST, "year must be between 1 and 9999.");
        }
        return series.partners(country, year, QueryParameters.limit(limit, MAX_PARTNERS));
    }

    /**
     * The acts of the last {@code days} days, in all and by country and theme: by the act's date ({@code by=date},
     * the days up to today, UTC) or by when Rasd first saw it ({@code by=seen}, the last {@code days} times 24 hours).
     */
    @GET
    @Path("recent")
    @APIResponse(responseCode = "200", description = "The window's acts and reports, in all and by country and theme.")
    @APIResponse(responseCode = "400", description = "days is not between 1 and 366, or by is neither date nor seen.")
    public Uni<RecentWindow> recent(@QueryParam("days") @DefaultValue("7") int days, @QueryParam("by") @DefaultValue("date") String by) {
        if (days < 1 || days > WindowStore.MAX_DAYS) {
            throw Problems.problem(Response.Status.BAD_REQUEST, "days must be between 1 and " + WindowStore.MAX_DAYS + ".");
        }
        RecentWindow.Basis basis = Arrays.stream(RecentWindow.Basis.values()).filter(candidate -> candidate.label().equals(by.strip()))
                .findFirst().orElseThrow(() -> Problems.problem(Response.Status.BAD_REQUEST, "by must be date or seen."));
        return windows.recent(days, basis, Instant.now());
    }

    /** Every country with events, as CSV: its incidents, events and articles. */
    @GET
    @Path("countries.csv")
    @Produces("text/csv")
    @APIResponse(responseCode = "200", description = "A header, then a row a country.", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING), example = "code,incidents,events,articles\nMA,42,97,61\nES,18,40,33\n"))
    public Multi<String> countriesCsv() {
        return CsvRows.of(Aggregates.CountryCounts.class, store.countries()
                .onItem().transformToMulti(all -> Multi.createFrom().iterable(all.countries())).map(Aggregates.CountryCounts::of));
    }

    /** Every theme with events, as CSV: its incidents and events. */
    @GET
    @Path("themes.csv")
    @Produces("text/csv")
    @APIResponse(responseCode = "200", description = "A header, then a row a theme.", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING), example = "code,incidents,events\nTERRORISM,25,61\nDRUG_TRAFFICKING,9,14\n"))
    public Multi<String> themesCsv() {
        return CsvRows.of(Aggregates.CodeCount.class, store.themes().onItem().transformToMulti(all -> Multi.createFrom().iterable(all.themes())));
    }

    @GET
    @Path("themes")
    public Uni<Aggregates.Themes> themes() {
        return store.themes();
    }

    /**
     * A snapshot, then every change, as Server-Sent Events; narrowed to one country's and one theme's rows when
     * given, with the buckets of the series they name by the intervals in {@code series} (a comma-separated list;
     * none when absent). Each SSE event's id is its place in the stream: a client that reconnects with
     * {@code Last-Event-ID} gets the changes it missed while they are kept, else a fresh snapshot. A comment every
     * 15 s keeps idle connections open through proxies.
     */
    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @APIResponse(responseCode = "200", description = "A snapshot (or, after a Last-Event-ID still kept, the changes since), then a "
            + "change per counted batch, each an SSE event's data with its place in the stream as the event's id.",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = Aggregates.Update.class)))
    @APIResponse(responseCode = "400", description = "The country, theme or an interval of series is not one this endpoint takes, "
            + "or the Last-Event-ID is not an id this stream sent.")
    public Multi<OutboundSseEvent> stream(@QueryParam("country") String country, @QueryParam("theme") String theme,
                                          @QueryParam("series") String series, @HeaderParam("Last-Event-ID") String lastEventId,
                                          @Context Sse sse) {
        Set<Interval> intervals = series == null || series.isBlank() ? Set.of() : Arrays.stream(series.split(","))
                .map(label -> SeriesResource.interval("Each interval in series", label)).collect(Collectors.toSet());
        StreamFilter filter = new StreamFilter(QueryParameters.country("country", country), QueryParameters.code(theme), intervals);
        return SseHeartbeats.between(stream.subscribe(filter, lastSeen(lastEventId))
                .map(message -> sse.newEventBuilder().id(Long.toString(message.id())).mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(message.update()).build()), sse);
    }

    /** The id of the last stream message a client saw, or 0 for none. */
    private static long lastSeen(String lastEventId) {
        if (QueryParameters.optional(lastEventId) == null) {
            return 0;
        }
        try {
            return Long.parseLong(lastEventId.strip());
        } catch (NumberFormatException e) {
            throw Problems.problem(Response.Status.BAD_REQUEST, "Last-Event-ID is not an id this stream sent.");
        }
    }
}
