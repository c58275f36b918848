package io.thingseeportal.device.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import com.vaadin.flow.component.html.Span;

/** What the Karibu tests of the live device screens share: reading a text by id. */
final class LivePage {

    private LivePage() {}

    static Span span(String id) {
        return _get(Span.class, spec -> spec.withId(id));
    }

    static String text(String id) {
        return span(id).getText();
    }
}
