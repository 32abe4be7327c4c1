package org.rasd.support.auth;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The API keys a service knows, by the SHA-256 of each key: the service never holds a key itself, so its
 * configuration can be read without giving one away.
 */
@ApplicationScoped
public class ApiKeys {

    /** A key the service knows: its name, and whether it may call the admin paths. */
    public record Key(String name, boolean admin) {
    }

    private static final String ADMIN = "admin";

    private final Map<String, Key> keysByHash = new HashMap<>();

    public ApiKeys(AuthConfig config) {
        Stream<String> fromFile = config.apiKeysFile().stream().flatMap(file -> {
            try {
                return Files.readAllLines(file).stream();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the API keys in " + file, e);
            }
        });
        Stream.concat(config.apiKeys().orElse(List.of()).stream(), fromFile)
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .forEach(this::add);
    }

    /** {@code name:sha256hex}, or {@code name:sha256hex:admin}; a name may hold colons. */
    private void add(String entry) {
        boolean admin = entry.endsWith(":" + ADMIN);
        String withoutRole = admin ? entry.substring(0, entry.length() - ADMIN.length() - 1) : entry;
        int colon = withoutRole.lastIndexOf(':');
        String hash = withoutRole.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
        if (colon < 1 || !hash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("An API key entry is name:sha256hex or name:sha256hex:admin, not " + entry);
        }
        keysByHash.put(hash, new Key(withoutRole.substring(0, colon).strip(), admin));
    }

    /** The key, if it is one of ours. */
    public Optional<Key> find(String key) {
        return Optional.ofNullable(keysByHash.get(hash(key)));
    }

    public boolean isEmpty() {
        return keysByHash.isEmpty();
    }

    /** How a key is configured: the hex SHA-256 of its UTF-8 bytes. */
    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
