package io.thingseeportal.thingsee.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NoDelaySocketFactoryTest {

    final ServerSocket server = listen();

    @AfterEach
    void close() throws Exception {
        server.close();
    }

    @Test
    void an_unconnected_tcp_socket_as_paho_makes_it_has_tcp_no_delay_once_connected() throws Exception {
        try (Socket socket = NoDelaySocketFactory.tcp().createSocket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 2000);

            assertThat(socket.getTcpNoDelay()).isTrue();
        }
    }

    @Test
    void a_tcp_socket_connected_by_the_factory_has_tcp_no_delay() throws Exception {
        try (Socket socket =
                NoDelaySocketFactory.tcp().createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
            assertThat(socket.getTcpNoDelay()).isTrue();
        }
    }

    @Test
    void a_tcp_socket_reads_through_one_buffer_so_that_pahos_byte_at_a_time_reads_make_no_system_call_each()
            throws Exception {
        try (Socket socket = NoDelaySocketFactory.tcp().createSocket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 2000);
            try (Socket peer = server.accept()) {
                peer.getOutputStream().write(new byte[] {0x30, 0x02, 'o', 'k'});

                InputStream input = socket.getInputStream();
                assertThat(input).isInstanceOf(BufferedInputStream.class);
                assertThat(input.read()).isEqualTo(0x30);
                // Paho asks once per connection, but a second stream would lose what the first has buffered.
                assertThat(socket.getInputStream()).isSameAs(input);
                assertThat(input.readNBytes(3)).containsExactly(0x02, 'o', 'k');
            }
        }
    }

    @Test
    void the_default_socket_factory_has_nagle_on_so_the_test_can_tell_the_difference() throws Exception {
        try (Socket socket =
                SocketFactory.getDefault().createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
            assertThat(socket.getTcpNoDelay()).isFalse();
        }
    }

    @Test
    void the_tcp_factory_is_no_ssl_factory_because_paho_refuses_one_for_tcp_urls() {
        assertThat(NoDelaySocketFactory.tcp()).isNotInstanceOf(SSLSocketFactory.class);
    }

    @Test
    void an_unconnected_ssl_socket_as_paho_makes_it_has_tcp_no_delay_once_connected() throws Exception {
        SSLSocketFactory factory =
                NoDelaySocketFactory.ssl(SSLContext.getDefault().getSocketFactory());

        try (Socket socket = factory.createSocket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 2000);

            assertThat(socket.getTcpNoDelay()).isTrue();
        }
    }

    @Test
    void an_ssl_socket_layered_over_a_connected_one_has_tcp_no_delay() throws Exception {
        SSLSocketFactory factory =
                NoDelaySocketFactory.ssl(SSLContext.getDefault().getSocketFactory());
        try (Socket plain = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                Socket layered = factory.createSocket(plain, "127.0.0.1", server.getLocalPort(), true)) {
            assertThat(layered.getTcpNoDelay()).isTrue();
        }
    }

    private static ServerSocket listen() {
        try {
            return new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
