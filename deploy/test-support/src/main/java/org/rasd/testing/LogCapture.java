package org.rasd.testing;

import io.quarkus.logging.json.runtime.JsonFormatter;
import org.jboss.logmanager.ExtLogRecord;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The records a logger writes while it is open, at DEBUG and above, with the MDC they had when written. */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger;
    private final Level levelBefore;
    private final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();

    public LogCapture(Class<?> category) {
        logger = Logger.getLogger(category.getName());
        levelBefore = logger.getLevel();
        logger.setLevel(Level.FINE);
        logger.addHandler(this);
    }

    public List<ExtLogRecord> records() {
        return records;
    }

    /** A record as RASD_LOG_JSON writes it. */
    public static String json(ExtLogRecord record) {
        return new JsonFormatter().format(record);
    }

    @Override
    public void publish(LogRecord record) {
        ExtLogRecord ext = ExtLogRecord.wrap(record);
        ext.copyAll(); // the MDC and the message as they are now, on the thread that logs
        records.add(ext);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(levelBefore);
    }
}
