package org.rasd.ingest.submission;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.rasd.ingest.IngestConfig;
import org.rasd.ingest.record.ArticleRecord;
import org.rasd.ingest.submission.IngestionService.Outcome;
import org.rasd.ingest.submission.IngestionService.Status;
import org.rasd.support.auth.WriteRateLimiter;
import org.rasd.support.http.Problems;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A batch of JSON articles, one a line (NDJSON): each line is accepted as if posted alone, a few lines at a time,
 * and answered in line order. A line that is refused fails alone. Beyond a single post, an article repeated in
 * the batch (the same id and revision) is published once; its other lines are answered as duplicates.
 */
@ApplicationScoped
public class BatchIngestion {

    /** What became of one line (numbered from 1, blank lines counted): its article's outcome, or why it was refused. */
    public record LineOutcome(int line, Outcome outcome, HttpProblem problem) {
    }

    /** A line that holds an article: its place among them, its number in the body and its bytes there. */
    private record Line(int index, int number, int from, int to) {
    }

    private final IngestionService ingestion;
    private final IngestMetrics metrics;
    private final InFlightPosts inFlight;
    private final WriteRateLimiter writes;
    private final IngestConfig.Batch limits;

    public BatchIngestion(IngestionService ingestion, IngestMetrics metrics, InFlightPosts inFlight, WriteRateLimiter writes,
                          IngestConfig config) {
        this.ingestion = ingestion;
        this.metrics = metrics;
        this.inFlight = inFlight;
        this.writes = writes;
        this.limits = config.batch();
    }

    /**
     * The outcome of every line that is not blank, in line order, as each becomes known. Fails, with nothing
     * accepted, when the batch is over its limits.
     *
     * @param apiKey whose writes the lines are
     */
    public Multi<LineOutcome> accept(byte[] body, String apiKey) {
        // Finding the lines of megabytes is CPU work too: not on the event loop.
        return Uni.createFrom().item(() -> articleLines(body)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToMulti(lines -> new Batch(body).accept(lines, overWriteRate(lines.size(), apiKey)));
    }

    private List<Line> articleLines(byte[] body) {
        long maxSize = limits.maxSize().asLongValue();
        if (body.length > maxSize) { // refused before it was read, unless ingest's HTTP limit is configured apart
            throw tooLarge("The batch has " + body.length + " bytes; the limit is " + maxSize + " bytes.");
        }
        List<Line> lines = new ArrayList<>();
        int number = 0;
        for (int from = 0; from < body.length; ) {
            int to = from;
            while (to < body.length && body[to] != '\n') {
                to++;
            }
            number++;
            if (!blank(body, from, to)) {
                if (lines.size() == limits.maxLines()) {
                    throw tooLarge("The batch has more than " + limits.maxLines() + " articles; send at most "
                            + limits.maxLines() + " lines a batch.");
                }
                lines.add(new Line(lines.size(), number, from, to));
            }
            from = to + 1;
        }
        if (lines.isEmpty()) {
            throw Problems.problem(Response.Status.BAD_REQUEST, "The body holds no article; post one JSON article a line.");
        }
        return lines;
    }

    private static boolean blank(byte[] body, int from, int to) {
        for (int i = from; i < to; i++) {
            if (body[i] != ' ' && body[i] != '\t' && body[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    private static HttpProblem tooLarge(String detail) {
        return Problems.problem(413, "Content Too Large", detail);
    }

    /**
     * A batch costs as many writes of the key's rate as it has articles: the request took one, which stands for
     * the first line, and each further line takes its own, in line order. A line over the rate is refused as a
     * post over it is, to be sent again later; the others go ahead.
     *
     * @return the problem refusing each line over the rate, by its index
     */
    private Map<Integer, HttpProblem> overWriteRate(int lines, String apiKey) {
        Map<Integer, HttpProblem> refused = new HashMap<>();
        for (int index = 1; index < lines; index++) {
            Duration wait = writes.acquire(apiKey);
            if (!wait.isZero()) {
                refused.put(index, Problems.problem(429, "Too Many Requests", "This key's writes are over its rate limit; wait "
                        + Math.max(1, (wait.toMillis() + 999) / 1000) + " s."));
            }
        }
        return refused;
    }

    /** The id and revision of an article: what is the same when it is posted again unchanged. */
    private static String version(ArticleRecord record) {
        return record.id() + ' ' + record.revision();
    }

    /** One batch's lines on their way: what was published for which article, and which lines wait for earlier ones. */
    private final class Batch {

        private final byte[] body;
        /** Each article's publication, shared by the lines that repeat it. */
        private final Map<String, Uni<Outcome>> publications = new ConcurrentHashMap<>();
        /** Lines done before an earlier one, by index; touched by one signal at a time, as are the next two. */
        private final Map<Integer, Done> waiting = new HashMap<>();
        private final Set<String> answered = new HashSet<>();
        private int next;

        Batch(byte[] body) {
            this.body = body;
        }

        Multi<LineOutcome> accept(List<Line> lines, Map<Integer, HttpProblem> overRate) {
            return Multi.createFrom().iterable(lines)
                    .onItem().transformToUni(line -> overRate.containsKey(line.index())
                            ? Uni.createFrom().item(new Done(line, null, overRate.get(line.index())))
                            : publish(line))
                    .merge(limits.concurrency())
                    .onItem().transformToIterable(this::inLineOrder);
        }

        /**
         * The line's article, as a post of it alone would be taken, refused as one when ingest holds as many as it
         * takes at once; its bytes are copied only now, a few lines at a time.
         */
        private Uni<Done> publish(Line line) {
            return inFlight.admit(() -> ingestion.extractJson(Arrays.copyOfRange(body, line.from(), line.to()))
                            .chain(record -> publications.computeIfAbsent(version(record),
                                    article -> ingestion.publishUnlessHeld(record).memoize().indefinitely()))
                            .onFailure().invoke(metrics::failed))
                    .map(publication -> new Done(line, publication, null))
                    .onFailure().recoverWithItem(failure -> new Done(line, null, problem(line, failure)));
        }

        /** Hands on the lines done in line order: each waits until every earlier line is done. */
        private List<LineOutcome> inLineOrder(Done done) {
            waiting.put(done.line().index(), done);
            List<LineOutcome> ready = new ArrayList<>();
            for (Done first = waiting.remove(next); first != null; first = waiting.remove(next)) {
                ready.add(answer(first));
                next++;
            }
            return ready;
        }

        /**
         * The first line of an article is answered with what its publication did, and the lines repeating it as
         * duplicates, whichever of them got to publish it: so answers and counts do not depend on timing.
         */
        private LineOutcome answer(Done done) {
            if (done.problem() != null) {
                return new LineOutcome(done.line().number(), null, done.problem());
            }
            ArticleRecord record = done.publication().record();
            Status status = answered.add(version(record)) ? done.publication().status() : Status.DUPLICATE;
            Outcome outcome = new Outcome(record, status);
            metrics.answered(outcome);
            return new LineOutcome(done.line().number(), outcome, null);
        }
    }

    /** A line gone through: what its article's publication did, or the problem that refused it. */
    private record Done(Line line, Outcome publication, HttpProblem problem) {
    }

    /** A problem as a post of the line alone would have been answered with; anything else is this service's fault. */
    private static HttpProblem problem(Line line, Throwable failure) {
        if (failure instanceof HttpProblem problem) {
            return problem;
        }
        if (failure instanceof IngestBusyException busy) {
            return busy.problem();
        }
        Log.errorf(failure, "Line %d of a batch failed", line.number());
        return Problems.problem(Response.Status.INTERNAL_SERVER_ERROR, null);
    }
}
