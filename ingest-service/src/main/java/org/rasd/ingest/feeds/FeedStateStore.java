package org.rasd.ingest.feeds;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.rasd.ingest.state.StateFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Each feed's state in a JSON file of its own, named by a hash of the feed's URL, in the state directory. A state
 * that cannot be read is started afresh: its items are ingested again, which the catalog answers as duplicates.
 */
@ApplicationScoped
class FeedStateStore {

    private final StateFiles files;

    @Inject
    FeedStateStore(FeedsConfig config) {
        this(config.stateDirectory());
    }

    FeedStateStore(Path directory) {
        this.files = new StateFiles(directory);
    }

    /** The feed's state as last saved, or a first state when none was. Blocking: a small file. */
    FeedState load(String url) {
        try {
            Optional<FeedState> saved = files.read(nameOf(url), FeedState.class);
            if (saved.isEmpty() || url.equals(saved.get().url())) {
                return saved.orElseGet(() -> FeedState.first(url));
            }
            Log.warnf("The feed state %s is another feed's (%s): starting %s afresh", fileOf(url), saved.get().url(), url);
        } catch (IOException e) {
            Log.warnf("The feed state %s cannot be read (%s): starting %s afresh", fileOf(url), e.getMessage(), url);
        }
        return FeedState.first(url);
    }

    /** Blocking: writes a small file and moves it. */
    void save(FeedState state) {
        files.write(nameOf(state.url()), state);
    }

    Path fileOf(String url) {
        return files.fileOf(nameOf(url));
    }

    private static String nameOf(String url) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
