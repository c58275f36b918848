package io.thingseeportal.base.ui;

import com.vaadin.flow.component.UI;

/**
 * Light or dark: the operating system's choice until the user picks one, which the browser keeps. The page applies
 * it before the first paint (see {@link AppShell}).
 */
final class ThemePreference {

    static final String STORAGE_KEY = "portal-theme";

    /** Applied before the application loads, so that a dark theme never flashes light first. */
    static final String STARTUP_SCRIPT = "(function(){var t=localStorage.getItem('" + STORAGE_KEY + "');"
            + "if(!t){t=window.matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light';}"
            + "if(t==='dark'){document.documentElement.setAttribute('theme','dark');}})();";

    private ThemePreference() {}

    static void choose(UI ui, boolean dark) {
        ui.getPage()
                .executeJs(
                        "localStorage.setItem($0, $1 ? 'dark' : 'light');"
                                + "if ($1) { document.documentElement.setAttribute('theme', 'dark'); }"
                                + " else { document.documentElement.removeAttribute('theme'); }",
                        STORAGE_KEY,
                        dark);
    }
}
