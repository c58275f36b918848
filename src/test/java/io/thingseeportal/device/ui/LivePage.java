package io.thingseeportal.device.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** What the Karibu tests of the live device screens share: reading a text by id and waiting for a live update. */
final class LivePage {

    private LivePage() {}

    static Span span(String id) {
        return _get(Span.class, spec -> spec.withId(id));
    }

    static String text(String id) {
        return span(id).getText();
    }

    /** Live updates reach the page through ui.access; a client round trip runs them. */
    static void awaitUi(BooleanSupplier condition) {
        await().pollInSameThread()
                .pollInterval(Duration.ofMillis(50))
                .atMost(Duration.ofSeconds(10))
                .until(() -> {
                    MockVaadin.clientRoundtrip();
                    return condition.getAsBoolean();
                });
    }
}
