package io.thingseeportal.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
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

    /**
     * Switches the whole session to the language and remembers the choice in a cookie, written by the browser itself
     * so that it does not depend on how the request that asked for it travelled (XHR or WebSocket).
     */
    static void choose(Locale locale) {
        VaadinSession.getCurrent().setLocale(locale);
        UI ui = UI.getCurrent();
        ui.setLocale(locale);
        String cookie = COOKIE + "=" + locale.getLanguage() + "; path=/; max-age="
                + Duration.ofDays(365).toSeconds() + "; samesite=lax";
        ui.getPage().executeJs("document.cookie = $0; window.location.reload();", cookie);
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
