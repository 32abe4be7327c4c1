package org.rasd.catalog.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One real-world act as the catalog knows it from its mentions: the most precise date and place they give, every
 * date and place they gave (more than one is a conflict between reports), and how many mentions, articles and
 * distinct sources report it.
 */
@Entity
@Table(name = "incident")
public class Incident extends PanacheEntityBase {

    @Id
    public String id;
    @JsonIgnore
    @Column(insertable = false, updatable = false)
    public Long seq;
    /** Raised whenever a mention joins or the date becomes more precise. */
    public int version;
    public String type;
    /** The acting country. */
    @Schema(nullable = true)
    public String actor;
    /** Partner countries and organisations. */
    public String[] partners;
    /** The first and last day of the most precise date a mention gives; null when no mention dates it. */
    @Schema(nullable = true)
    public LocalDate dateFrom;
    @Schema(nullable = true)
    public LocalDate dateTo;
    @Schema(nullable = true)
    public String place;
    @JsonIgnore
    public LocalDate sortDate;
    public OffsetDateTime firstSeen;
    public OffsetDateTime lastSeen;
    public int mentions;
    public int articles;
    public int sources;
    public String[] themes;
    public String[] dates;
    public String[] places;
}
