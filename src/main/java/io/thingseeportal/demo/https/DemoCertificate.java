package io.thingseeportal.demo.https;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The demo's self-signed certificate, in a PKCS12 keystore in the demo's data directory. Made once and kept, so that a
 * phone that accepted it need not be asked again; made anew when it does not name the LAN address (another network) or
 * has expired. The JDK's {@code keytool} makes it, as no certificate library is on the class path.
 */
final class DemoCertificate {

    static final String FILE = "demo-https.p12";
    static final String ALIAS = "portal";
    /** A throw-away key of the demo on the demo's own machine, not a secret worth guarding. */
    static final String PASSWORD = "demo-https";

    /** iOS refuses server certificates valid for longer than 825 days, even when the user accepts them. */
    private static final int VALIDITY_DAYS = 825;

    private static final int SAN_IP_ADDRESS = 7;

    private DemoCertificate() {}

    /** The keystore for the LAN address: the one kept in the directory if it names the address, a new one otherwise. */
    static Path keystoreFor(Path dataDirectory, String lanAddress) {
        Path keystore = dataDirectory.resolve(FILE).toAbsolutePath();
        if (!Files.isRegularFile(keystore) || !namesAndIsValid(keystore, lanAddress)) {
            generate(keystore, lanAddress);
        }
        return keystore;
    }

    static X509Certificate certificate(Path keystore) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return (X509Certificate) store.getCertificate(ALIAS);
    }

    private static boolean namesAndIsValid(Path keystore, String lanAddress) {
        try {
            X509Certificate certificate = certificate(keystore);
            certificate.checkValidity();
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            return names != null
                    && names.stream()
                            .anyMatch(name -> Integer.valueOf(SAN_IP_ADDRESS).equals(name.get(0))
                                    && lanAddress.equals(name.get(1)));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            // An unreadable keystore (another password, a damaged file) is made anew like an outdated one.
            return false;
        }
    }

    private static void generate(Path keystore, String lanAddress) {
        Set<String> names = new LinkedHashSet<>(List.of("ip:" + lanAddress, "dns:localhost", "ip:127.0.0.1"));
        Path fresh = keystore.resolveSibling(FILE + ".new");
        try {
            Files.createDirectories(keystore.getParent());
            Files.deleteIfExists(fresh);
            Process keytool = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "keytool")
                                    .toString(),
                            "-genkeypair",
                            "-noprompt",
                            "-alias",
                            ALIAS,
                            "-keyalg",
                            "RSA",
                            "-keysize",
                            "2048",
                            "-validity",
                            String.valueOf(VALIDITY_DAYS),
                            "-dname",
                            "CN=Thingsee Installation Portal demo",
                            "-ext",
                            "SAN=" + String.join(",", names),
                            "-ext",
                            "EKU=serverAuth",
                            "-storetype",
                            "PKCS12",
                            "-keystore",
                            fresh.toString(),
                            "-storepass",
                            PASSWORD,
                            "-keypass",
                            PASSWORD)
                    .redirectErrorStream(true)
                    .start();
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!keytool.waitFor(1, TimeUnit.MINUTES) || keytool.exitValue() != 0) {
                keytool.destroy();
                throw new IllegalStateException("keytool could not make the demo's certificate: " + output);
            }
            Files.move(fresh, keystore, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the demo's certificate in " + keystore.getParent(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while making the demo's certificate", e);
        }
    }
}
