package org.rasd.support.logging;

import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class LogContextTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void aLineIsLoggedWithItsFieldsAndWhatWasThereBeforeIsPutBack() {
        MDC.put(LogContext.ARTICLE_ID, "the request's");
        AtomicReference<Object> article = new AtomicReference<>();
        AtomicReference<Object> event = new AtomicReference<>();
        LogContext.event("e1", "a1", () -> {
            article.set(MDC.get(LogContext.ARTICLE_ID));
            event.set(MDC.get(LogContext.EVENT_ID));
        });
        assertEquals("a1", article.get());
        assertEquals("e1", event.get());
        assertEquals("the request's", MDC.get(LogContext.ARTICLE_ID));
        assertNull(MDC.get(LogContext.EVENT_ID));

        LogContext.with(Map.of(), () -> article.set(MDC.get(LogContext.ARTICLE_ID)));
        assertEquals("the request's", article.get());
    }

    @Test
    void offADuplicatedContextNothingIsPutForTheRest() {
        assertFalse(LogContext.forContext(LogContext.ARTICLE_ID, "a1"));
        assertNull(MDC.get(LogContext.ARTICLE_ID));
    }
}
