package io.thingseeportal.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The user's language: the browser's by default, or the one they chose in the user menu, kept in a cookie so that it
 * outlives the session.
 */
final class LanguagePreference {

    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("fi"));
    static final String COOKIE = "portal-language";

    private LanguagePreference() {}

    /** Switches the whole session to the language and remembers the choice. */
    static void choose(Locale locale) {
        var cookie = new Cookie(COOKIE, locale.getLanguage());
        cookie.setPath("/");
        cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
        cookie.setHttpOnly(true);
        VaadinResponse response = VaadinResponse.getCurrent();
        if (response != null) {
            response.addCookie(cookie);
        }
        VaadinSession.getCurrent().setLocale(locale);
        UI.getCurrent().getPage().reload();
    }

    /** The language chosen earlier, if the request carries the cookie. */
    static Optional<Locale> chosen(VaadinRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies)
                .filter(cookie -> COOKIE.equals(cookie.getName()))
                .map(cookie -> Locale.forLanguageTag(cookie.getValue()))
                .filter(SUPPORTED::contains)
                .findFirst();
    }
}
