package org.rasd.catalog.article;

import org.rasd.catalog.event.EventVersion;

import java.util.List;

/**
 * What storing a batch added: how many articles were new, how many were new versions of stored ones, the
 * messages of the events stored, as the {@code events} topic carries them, and the ids of the articles stored (new
 * ones and new versions). Articles stored before as they are add nothing.
 */
public record StoredBatch(int articles, int newVersions, List<EventVersion> eventMessages, List<String> articleIds) {
}
