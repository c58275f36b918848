package io.thingseeportal.demo.https;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCertificateTest {

    @TempDir
    Path data;

    @Test
    void the_certificate_names_the_lan_address_localhost_and_127_0_0_1() throws Exception {
        X509Certificate certificate = DemoCertificate.certificate(DemoCertificate.keystoreFor(data, "192.168.1.20"));

        assertThat(certificate.getSubjectAlternativeNames())
                .containsExactlyInAnyOrder(
                        List.of(7, "192.168.1.20"), List.of(2, "localhost"), List.of(7, "127.0.0.1"));
        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    }

    @Test
    void the_keystore_is_kept_in_the_data_directory_and_reused_on_the_next_start() throws Exception {
        Path keystore = DemoCertificate.keystoreFor(data, "192.168.1.20");
        byte[] first = Files.readAllBytes(keystore);

        Path again = DemoCertificate.keystoreFor(data, "192.168.1.20");

        assertThat(again).isEqualTo(data.resolve(DemoCertificate.FILE).toAbsolutePath());
        assertThat(Files.readAllBytes(again)).isEqualTo(first);
    }

    @Test
    void another_lan_address_gets_a_new_certificate() throws Exception {
        DemoCertificate.keystoreFor(data, "192.168.1.20");

        X509Certificate certificate = DemoCertificate.certificate(DemoCertificate.keystoreFor(data, "10.0.0.7"));

        assertThat(certificate.getSubjectAlternativeNames())
                .contains(List.of(7, "10.0.0.7"))
                .doesNotContain(List.of(7, "192.168.1.20"));
    }

    @Test
    void an_unreadable_keystore_is_made_anew() throws Exception {
        Files.writeString(data.resolve(DemoCertificate.FILE), "not a keystore");

        X509Certificate certificate = DemoCertificate.certificate(DemoCertificate.keystoreFor(data, "192.168.1.20"));

        assertThat(certificate.getSubjectAlternativeNames()).contains(List.of(7, "192.168.1.20"));
    }
}
