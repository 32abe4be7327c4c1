package org.rasd.catalog.article;

/** A record on the articles topic that is not an article record; it goes to the dead-letter topic. */
public class InvalidArticleException extends RuntimeException {

    public InvalidArticleException(String message) {
        super(message);
    }
}
