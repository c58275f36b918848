package io.thingseeportal.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import io.thingseeportal.KaribuTest;
import io.thingseeportal.TestData;
import io.thingseeportal.security.AppRoles;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class LanguageAndErrorsTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void signInAsInstaller() {
        signIn("ilkka", TestData.tenant(jdbc, "Acme"), AppRoles.INSTALLER);
    }

    @Test
    void choosing_finnish_translates_the_portal() {
        LanguagePreference.choose(Locale.forLanguageTag("fi"));
        UI.getCurrent().navigate("");

        assertThat(_get(Button.class, spec -> spec.withId("scan-sensor")).getText())
                .isEqualTo("Skannaa anturi");
    }

    @Test
    void a_language_chosen_earlier_is_read_from_its_cookie() {
        VaadinRequest request = mock(VaadinRequest.class);
        when(request.getCookies())
                .thenReturn(new Cookie[] {new Cookie("other", "x"), new Cookie(LanguagePreference.COOKIE, "fi")});

        assertThat(LanguagePreference.chosen(request)).contains(Locale.forLanguageTag("fi"));
    }

    @Test
    void a_cookie_naming_an_unsupported_language_is_ignored() {
        VaadinRequest request = mock(VaadinRequest.class);
        when(request.getCookies()).thenReturn(new Cookie[] {new Cookie(LanguagePreference.COOKIE, "xx")});

        assertThat(LanguagePreference.chosen(request)).isEmpty();
    }

    @Test
    void an_unexpected_error_shows_a_friendly_notification_with_an_incident_id() {
        UI.getCurrent().navigate("");

        VaadinSession.getCurrent().getErrorHandler().error(new ErrorEvent(new IllegalStateException("secret detail")));

        List<Notification> notifications = NotificationsKt.getNotifications();
        assertThat(notifications).hasSize(1);
        assertThat(notifications.get(0).getElement().getProperty("text"))
                .matches("Something went wrong\\. If it happens again, tell support the incident id [0-9a-f]{8}\\.")
                .doesNotContain("secret detail");
    }
}
