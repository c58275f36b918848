package io.thingseeportal.base.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Inline;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.shared.communication.PushMode;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.theme.Theme;

/**
 * The page every view lives in: server push (WebSocket, falling back to long polling where a proxy blocks it), the
 * portal theme, and what makes the portal installable on a phone.
 */
@Push(value = PushMode.AUTOMATIC, transport = Transport.WEBSOCKET_XHR)
@Theme("portal")
@PWA(
        name = "Thingsee Installation Portal",
        shortName = "Thingsee",
        iconPath = "icons/icon.png",
        themeColor = "#0b5cad",
        backgroundColor = "#ffffff")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addInlineWithContents(ThemePreference.STARTUP_SCRIPT, Inline.Wrapping.JAVASCRIPT);
    }
}
