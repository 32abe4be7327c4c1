package org.rasd.ingest.feeds;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Each feed's state in a JSON file of its own, named by a hash of the feed's URL, in the state directory. A file is
 * replaced whole (written beside it, then moved over it), so a crash leaves the old state or the new, never half.
 * A state that cannot be read is started afresh: its items are ingested again, which the catalog answers as
 * duplicates.
 */
@ApplicationScoped
class FeedStateStore {

    /** The file's own format: independent of how the REST layer writes JSON. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // a state written by a later version
            .build();

    private final Path directory;

    @Inject
    FeedStateStore(FeedsConfig config) {
        this(config.stateDirectory());
    }

    FeedStateStore(Path directory) {
        this.directory = directory;
    }

    /** The feed's state as last saved, or a first state when none was. Blocking: a small file. */
    FeedState load(String url) {
        Path file = fileOf(url);
        try {
            FeedState state = JSON.readValue(Files.readAllBytes(file), FeedState.class);
            if (url.equals(state.url())) {
                return state;
            }
            Log.warnf("The feed state %s is another feed's (%s): starting %s afresh", file, state.url(), url);
        } catch (NoSuchFileException firstPoll) {
            // never saved: the feed is new
        } catch (IOException e) {
            Log.warnf("The feed state %s cannot be read (%s): starting %s afresh", file, e.getMessage(), url);
        }
        return FeedState.first(url);
    }

    /** Blocking: writes a small file and moves it. */
    void save(FeedState state) {
        Path file = fileOf(state.url());
        try {
            Files.createDirectories(directory);
            Path written = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
            try {
                Files.write(written, JSON.writeValueAsString(state).getBytes(StandardCharsets.UTF_8));
                Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(written);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the state of the feed " + state.url() + " in " + file, e);
        }
    }

    Path fileOf(String url) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            return directory.resolve(HexFormat.of().formatHex(hash, 0, 16) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
