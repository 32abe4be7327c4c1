package org.rasd.ingest.parsing;

/** What the extractor found at an offset of the folded text: lists of them are kept in order of their start. */
public interface Located {

    int start();
}
