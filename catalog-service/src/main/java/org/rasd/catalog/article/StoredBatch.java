package org.rasd.catalog.article;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * What storing a batch added: how many articles were new, and the messages of their events as the
 * {@code events} topic carries them. Articles stored before add nothing.
 */
public record StoredBatch(int articles, List<ObjectNode> eventMessages) {
}
