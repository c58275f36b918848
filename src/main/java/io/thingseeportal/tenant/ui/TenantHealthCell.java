package io.thingseeportal.tenant.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.thingseeportal.thingsee.RecentApiErrors;
import io.thingseeportal.thingsee.TenantHealth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.stream.Collectors;

/**
 * A tenant's health in the operator's list: its data stream (connected, its last message) and its failed Thingsee calls
 * of the last hour, the latest ones in the tooltip.
 */
class TenantHealthCell extends Composite<Div> {

    TenantHealthCell(String slug, TenantHealth.Health health) {
        var time = DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM)
                .withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        Span stream;
        if (health.stream() == null) {
            stream = badge(getTranslation("tenants.health.no-stream"), "contrast");
        } else if (health.stream().problem() != null) {
            stream = badge(getTranslation("tenants.health.stream-unusable"), "error");
            stream.setTitle(health.stream().problem());
        } else if (!health.stream().connected() || !health.stream().subscribed()) {
            stream = badge(
                    getTranslation("tenants.health.stream-down", health.stream().broker()), "error");
        } else {
            stream = badge(
                    health.stream().lastMessageAt() == null
                            ? getTranslation("tenants.health.stream-quiet")
                            : getTranslation(
                                    "tenants.health.stream-up",
                                    time.format(health.stream().lastMessageAt())),
                    "success");
        }
        stream.setId("tenant-stream-" + slug);
        Span api;
        if (health.stackProblem() != null) {
            api = badge(getTranslation("tenants.health.stack-problem"), "error");
            api.setTitle(health.stackProblem());
        } else if (!health.hasStack()) {
            api = badge(getTranslation("tenants.health.no-stack"), "contrast");
        } else if (health.apiErrors().isEmpty()) {
            api = badge(getTranslation("tenants.health.api-ok"), "success");
        } else {
            RecentApiErrors.ApiError last = health.apiErrors().get(0);
            api = badge(
                    getTranslation(
                            "tenants.health.api-errors",
                            health.apiErrors().size(),
                            last.outcome(),
                            time.format(last.at())),
                    "error");
            api.setTitle(health.apiErrors().stream()
                    .map(error -> time.format(error.at()) + " " + error.method() + " " + error.endpoint() + " → "
                            + error.outcome() + ": " + error.message())
                    .collect(Collectors.joining("\n")));
        }
        api.setId("tenant-api-" + slug);
        getContent().add(stream, api);
        getContent().addClassName("tenant-health");
    }

    private static Span badge(String text, String theme) {
        var badge = new Span(text);
        badge.getElement().getThemeList().add("badge " + theme);
        return badge;
    }
}
