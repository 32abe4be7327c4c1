package org.rasd.catalog.article;

import org.rasd.support.storage.RecordAtFaultException;

/** A record on the articles topic that is not an article record; it goes to the dead-letter topic. */
public class InvalidArticleException extends RecordAtFaultException {

    public InvalidArticleException(String message) {
        super(message);
    }
}
