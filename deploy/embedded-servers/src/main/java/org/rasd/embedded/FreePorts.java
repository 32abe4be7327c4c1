package org.rasd.embedded;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports nothing listens on now, drawn together so that no two of them are the same. They are drawn below the
 * kernel's ephemeral range: a port from that range ({@code new ServerSocket(0)}) is free when drawn but may be given
 * to any outgoing connection before the process it is meant for binds it, and that process then fails to start.
 */
public final class FreePorts {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int LOWEST = 10_000;
    private static final int DEFAULT_EPHEMERAL_START = 32_768;
    private static final int ATTEMPTS = 1_000;

    public static int[] take(int count) {
        int end = ephemeralStart();
        Set<Integer> ports = new LinkedHashSet<>();
        for (int attempt = 0; attempt < ATTEMPTS && ports.size() < count; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, end);
            if (!ports.contains(port) && bindable(port)) {
                ports.add(port);
            }
        }
        if (ports.size() < count) {
            throw new IllegalStateException("no " + count + " free ports between " + LOWEST + " and " + end);
        }
        return ports.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** The first port the kernel hands out by itself; the default where the range cannot be read (not Linux). */
    private static int ephemeralStart() {
        try {
            if (Files.isReadable(EPHEMERAL_RANGE)) {
                int start = Integer.parseInt(Files.readString(EPHEMERAL_RANGE).trim().split("\\s+")[0]);
                if (start > LOWEST + 1_000) {
                    return start;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall back to the usual start of the range
        }
        return DEFAULT_EPHEMERAL_START;
    }

    private FreePorts() {
    }
}
