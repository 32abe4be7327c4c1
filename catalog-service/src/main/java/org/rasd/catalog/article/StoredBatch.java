package org.rasd.catalog.article;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * What storing a batch added: how many articles were new, how many were new versions of stored ones, and the
 * messages of the events stored, as the {@code events} topic carries them. Articles stored before as they are
 * add nothing.
 */
public record StoredBatch(int articles, int newVersions, List<ObjectNode> eventMessages) {
}
