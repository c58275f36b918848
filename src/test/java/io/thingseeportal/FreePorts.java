package io.thingseeportal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for servers a test starts on a port it names (the demo identity provider, the embedded broker, a packaged
 * portal). They are taken below Linux's ephemeral range (32768 and up), from which every {@code server.port=0} and
 * every outgoing connection gets its port: a port that {@code new ServerSocket(0)} had just found free was often taken
 * by the portal's own web server before the provider started on it.
 */
public final class FreePorts {

    private static final int FIRST = 20_000;
    private static final int LAST = 32_000;

    private FreePorts() {}

    /** A port that nothing listens on now, picked at random so that tests side by side rarely pick the same. */
    public static int next() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST, LAST);
            try (var socket = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
                socket.setReuseAddress(true);
                return port;
            } catch (IOException taken) {
                // Try another.
            }
        }
        throw new IllegalStateException("No free port between " + FIRST + " and " + LAST);
    }
}
