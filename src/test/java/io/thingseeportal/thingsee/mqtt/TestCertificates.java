package io.thingseeportal.thingsee.mqtt;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A test CA, a broker certificate for 127.0.0.1 and a client certificate, made with the machine's openssl and
 * keytool: PEM files for Mosquitto, PKCS12 stores for the portal (as Haltian hands out X.509 client certificates).
 */
record TestCertificates(
        Path caPem, Path serverPem, Path serverKey, Path clientStore, Path trustStore, String password) {

    static TestCertificates create(Path directory) {
        String password = "changeit";
        run(
                directory,
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=Test CA",
                "-keyout",
                "ca.key",
                "-out",
                "ca.pem");
        issue(directory, "server", "/CN=127.0.0.1", "subjectAltName=IP:127.0.0.1");
        issue(directory, "client", "/CN=thingsee-portal", "extendedKeyUsage=clientAuth");
        run(
                directory,
                "openssl",
                "pkcs12",
                "-export",
                "-in",
                "client.pem",
                "-inkey",
                "client.key",
                "-name",
                "client",
                "-out",
                "client.p12",
                "-passout",
                "pass:" + password);
        run(
                directory,
                "keytool",
                "-importcert",
                "-noprompt",
                "-alias",
                "ca",
                "-file",
                "ca.pem",
                "-keystore",
                "trust.p12",
                "-storetype",
                "PKCS12",
                "-storepass",
                password);
        return new TestCertificates(
                directory.resolve("ca.pem"),
                directory.resolve("server.pem"),
                directory.resolve("server.key"),
                directory.resolve("client.p12"),
                directory.resolve("trust.p12"),
                password);
    }

    private static void issue(Path directory, String name, String subject, String extension) {
        run(
                directory,
                "openssl",
                "req",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-subj",
                subject,
                "-keyout",
                name + ".key",
                "-out",
                name + ".csr");
        run(directory, "sh", "-c", "printf '%s\\n' '" + extension + "' > " + name + ".ext");
        run(
                directory,
                "openssl",
                "x509",
                "-req",
                "-in",
                name + ".csr",
                "-CA",
                "ca.pem",
                "-CAkey",
                "ca.key",
                "-CAcreateserial",
                "-days",
                "2",
                "-extfile",
                name + ".ext",
                "-out",
                name + ".pem");
    }

    private static void run(Path directory, String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command))
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("The TLS test needs openssl and keytool: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
