package org.rasd.ingest.state;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.logging.Log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What ingest keeps across its restarts (it has no database): small JSON files in a directory of the instance's own,
 * one a thing. A file is replaced whole (written beside it, then moved over it), so a crash leaves the old state or
 * the new, never half. Blocking: call it off the event loop.
 */
public final class StateFiles {

    /** The files' own format: independent of how the REST layer writes JSON. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // a state written by a later version
            .build();
    private static final String SUFFIX = ".json";

    private final Path directory;

    public StateFiles(Path directory) {
        this.directory = directory;
    }

    /** The file a state of this name is kept in. */
    public Path fileOf(String name) {
        return directory.resolve(name + SUFFIX);
    }

    /**
     * The state saved under this name; empty when none was.
     *
     * @throws IOException when the file is there but cannot be read as a {@code type}
     */
    public <T> Optional<T> read(String name, Class<T> type) throws IOException {
        try {
            return Optional.of(JSON.readValue(Files.readAllBytes(fileOf(name)), type));
        } catch (NoSuchFileException never) {
            return Optional.empty();
        }
    }

    /**
     * Every state of the directory; one that cannot be read (or is empty: {@code null}) is left out, with a warning,
     * and so is every one when the directory cannot be listed.
     */
    public <T> List<T> readAll(Class<T> type) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> names;
        try (Stream<Path> files = Files.list(directory)) {
            names = files.filter(file -> file.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            Log.warnf("The states in %s cannot be listed (%s): none read", directory, e.getMessage());
            return List.of();
        }
        List<T> states = new ArrayList<>();
        for (Path file : names) {
            try {
                T state = JSON.readValue(Files.readAllBytes(file), type);
                if (state != null) {
                    states.add(state);
                }
            } catch (IOException | RuntimeException e) {
                Log.warnf("The state %s cannot be read (%s): left out", file, e.getMessage());
            }
        }
        return states;
    }

    public void write(String name, Object state) {
        Path file = fileOf(name);
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
            throw new UncheckedIOException("Cannot save the state " + file, e);
        }
    }

    public void delete(String name) {
        try {
            Files.deleteIfExists(fileOf(name));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the state " + fileOf(name), e);
        }
    }
}
