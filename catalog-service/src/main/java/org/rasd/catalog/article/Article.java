package org.rasd.catalog.article;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A stored article: the record as extraction produced it, with the fields people search by. */
@Entity
@Table(name = "article")
public class Article extends PanacheEntityBase {

    @Id
    public String id;
    public String url;
    public String source;
    public String title;
    public String publishedAt;
    public String language;
    public String extractor;
    /** The article record's JSON, exactly as received. */
    public String document;
    public OffsetDateTime storedAt;
    /** When ingest accepted the article; null for records published without the header. */
    public OffsetDateTime acceptedAt;
}
