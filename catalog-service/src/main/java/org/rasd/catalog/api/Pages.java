package org.rasd.catalog.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rasd.catalog.article.StoredIds;
import org.rasd.catalog.event.EventRemoval;
import org.rasd.catalog.event.EventVersion;
import org.rasd.catalog.incident.Incident;
import org.rasd.catalog.record.ArticleRecord;

import java.util.List;

/**
 * The pages the searches answer, as the API description gives them. The answers are {@code NewestFirst.Page},
 * {@code CatalogService.ArticlePage}, whose {@code nextCursor} is null on the last page
 * and whose article records are stored JSON: these say so.
 */
final class Pages {

    private static final String NEXT = "The cursor of the next page; null on the last.";

    @Schema(name = "ArticlePage")
    record Articles(List<ArticleRecord> items, @Schema(nullable = true, description = NEXT) String nextCursor) {
    }

    @Schema(name = "EventPage")
    record Events(List<EventVersion> items, @Schema(nullable = true, description = NEXT) String nextCursor) {
    }

    @Schema(name = "IncidentPage")
    record Incidents(List<Incident> items, @Schema(nullable = true, description = NEXT) String nextCursor) {
    }

    @Schema(name = "StoredIdPage")
    record Ids(List<StoredIds.StoredId> items,
               @Schema(nullable = true, description = NEXT) String nextCursor) {
    }

    @Schema(name = "Change", description = "A version of an event, or its removal.", anyOf = {EventVersion.class, EventRemoval.class})
    interface Change {
    }

    @Schema(name = "ChangePage")
    record Changes(List<Change> items,
                   @Schema(description = "Where the next page starts: the position of the last change, or the one asked after when none came.") String next) {
    }

    private Pages() {
    }
}
