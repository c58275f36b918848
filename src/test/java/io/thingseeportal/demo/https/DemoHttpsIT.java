package io.thingseeportal.demo.https;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingseeportal.RunningDemo;
import io.thingseeportal.demo.DemoProperties;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo over HTTPS, as a phone uses it: the portal and the demo identity provider on one host (here 127.0.0.1 as
 * the LAN address), so that only the names of their session cookies keep the two sessions apart.
 */
class DemoHttpsIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static RunningDemo demo;
    private static DemoHttpsConnector https;

    @BeforeAll
    static void startTheDemoOverHttps() {
        demo = RunningDemo.start(
                "--portal.demo.https=true", "--portal.demo.https-port=0", "--portal.demo.lan-address=127.0.0.1");
        https = demo.context().getBean(DemoHttpsConnector.class);
    }

    @AfterAll
    static void stopTheDemo() {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void an_installer_signs_in_over_https_at_the_lan_address() throws Exception {
        var cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient phone = phoneTrustingTheDemosCertificate(cookies);
        String portal = https.phoneAddress();

        // Where the portal's page sends a visitor who is not signed in (its script does, so the test goes there).
        HttpResponse<String> signInPage =
                phone.send(get(portal + "/oauth2/authorization/acme"), HttpResponse.BodyHandlers.ofString());
        assertThat(signInPage.uri().toString()).startsWith(demo.issuer() + "/login");

        HttpResponse<String> startPage = phone.send(signIn(signInPage), HttpResponse.BodyHandlers.ofString());
        // A sign-in that failed would end at the sign-in problem page, one that looped at the provider's sign-in page.
        assertThat(startPage.uri()).isEqualTo(URI.create(portal + "/"));
        assertThat(startPage.statusCode()).isEqualTo(200);
        assertThat(cookies.getCookieStore().getCookies())
                .extracting(HttpCookie::getName)
                .contains("JSESSIONID", "DEMO_IDP_A_SESSION");
    }

    @Test
    void the_phone_address_is_the_lan_address_over_https() {
        assertThat(https.phoneAddress()).isEqualTo("https://127.0.0.1:" + https.port());
        assertThat(https.port()).isPositive();
    }

    private static HttpRequest signIn(HttpResponse<String> signInPage) {
        Matcher csrf = CSRF.matcher(signInPage.body());
        assertThat(csrf.find()).as("the sign-in page's CSRF token").isTrue();
        String form = "username=acme-installer&password=demo&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(signInPage.uri().resolve("login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).GET().build();
    }

    /** Trusts the demo's own certificate only, as a phone does once its user accepted it. */
    private static HttpClient phoneTrustingTheDemosCertificate(CookieManager cookies) throws Exception {
        Path data = demo.context().getBean(DemoProperties.class).dataDirectory();
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(data.resolve(DemoCertificate.FILE))) {
            trusted.load(in, DemoCertificate.PASSWORD.toCharArray());
        }
        var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, trust.getTrustManagers(), null);
        // ALWAYS: the portal sends the phone from https to the demo provider's plain http and back.
        return HttpClient.newBuilder()
                .sslContext(ssl)
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.ALWAYS)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }
}
