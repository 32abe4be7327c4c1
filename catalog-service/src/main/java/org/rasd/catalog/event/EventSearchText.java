package org.rasd.catalog.event;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What a text search finds an event by: its evidence sentence and its article's title. Kept apart from
 * {@link CatalogEvent}, written once with the event, so that joining the event into an incident does not stem the
 * text again into the Arabic text index.
 */
@Entity
@Table(name = "event_search_text")
public class EventSearchText extends PanacheEntityBase {

    @Id
    public String eventId;
    public String searchText;
}
