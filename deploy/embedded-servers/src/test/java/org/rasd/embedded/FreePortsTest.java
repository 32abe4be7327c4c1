package org.rasd.embedded;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FreePortsTest {

    @Test
    void portsAreDistinctBindableAndBelowWhatTheKernelHandsOutByItself() throws IOException {
        int ephemeral;
        try (ServerSocket anyPort = new ServerSocket(0)) {
            ephemeral = anyPort.getLocalPort();
        }
        int[] ports = FreePorts.take(5);
        assertEquals(5, Arrays.stream(ports).distinct().count(), Arrays.toString(ports));
        for (int port : ports) {
            assertTrue(port < ephemeral, port + " is below the kernel's own pick " + ephemeral);
            try (ServerSocket socket = new ServerSocket(port)) {
                assertEquals(port, socket.getLocalPort());
            }
        }
    }
}
