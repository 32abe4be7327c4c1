package org.rasd.catalog.event;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.Set;

/** An event as the catalog keeps it: the published message, with the columns its search filters on. */
@Entity
@Table(name = "catalog_event")
public class CatalogEvent extends PanacheEntityBase {

    @Id
    public String id;
    /** Storage order, given by the database; the tie-breaker of the newest-first order. */
    @Column(insertable = false, updatable = false)
    public Long seq;
    public int version;
    public String articleId;
    /** The act this event is a mention of; null for events stored before incidents existed. */
    public String incidentId;
    /** How many times the event moved to another incident since its article's version was stored. */
    public int filing;
    public String type;
    /** The first and last day the event's date covers (a whole year for "2024"); null when undated. */
    public LocalDate occurredFrom;
    public LocalDate occurredTo;
    /** The event's date, else the article's publication date, else the day it was stored. */
    public LocalDate sortDate;
    /** The {@link EventVersion}'s JSON, as published on the {@code events} topic but for the incident (the column). */
    public String document;

    @ElementCollection
    @CollectionTable(name = "catalog_event_country", joinColumns = @JoinColumn(name = "event_id"))
    @Column(name = "country")
    public Set<String> countries;

    @ElementCollection
    @CollectionTable(name = "catalog_event_theme", joinColumns = @JoinColumn(name = "event_id"))
    @Column(name = "theme")
    public Set<String> themes;
}
