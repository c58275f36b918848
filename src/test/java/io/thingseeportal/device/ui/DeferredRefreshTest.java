package io.thingseeportal.device.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A live view's refresh waits for the next response to the browser: a browser that is not answered (not connected)
 * costs no reads however often its data changes, and gets one refresh when it is answered again.
 */
class DeferredRefreshTest {

    final Div view = new Div();
    final AtomicInteger refreshes = new AtomicInteger();
    final DeferredRefresh refresh = new DeferredRefresh(view, refreshes::incrementAndGet);

    @BeforeEach
    void aViewOnAPage() {
        MockVaadin.setup();
        UI.getCurrent().add(view);
        MockVaadin.clientRoundtrip();
    }

    @AfterEach
    void closePage() {
        MockVaadin.tearDown();
    }

    @Test
    void changes_before_the_next_response_make_one_refresh_run_with_that_response() {
        refresh.schedule();
        refresh.schedule();
        refresh.schedule();

        assertThat(refreshes).hasValue(0);
        MockVaadin.clientRoundtrip();
        assertThat(refreshes).hasValue(1);
        MockVaadin.clientRoundtrip();
        assertThat(refreshes).hasValue(1);
    }

    @Test
    void a_change_after_a_response_makes_another_refresh() {
        refresh.schedule();
        MockVaadin.clientRoundtrip();

        refresh.schedule();
        MockVaadin.clientRoundtrip();

        assertThat(refreshes).hasValue(2);
    }

    @Test
    void changes_of_devices_told_on_other_threads_are_refreshed_together_with_the_next_response() {
        UI ui = UI.getCurrent();
        List<Set<String>> refreshed = new ArrayList<>();
        var rows = new DeferredRefresh.OfDevices(view, refreshed::add);

        CompletableFuture.runAsync(() -> rows.request(ui, Set.of("TSPR04A"))).join();
        CompletableFuture.runAsync(() -> rows.request(ui, Set.of("TSPR04B", "TSPR04A")))
                .join();

        assertThat(refreshed).isEmpty();
        MockVaadin.clientRoundtrip();
        assertThat(refreshed).containsExactly(Set.of("TSPR04A", "TSPR04B"));

        CompletableFuture.runAsync(() -> rows.request(ui, Set.of("TSPR04C"))).join();
        MockVaadin.clientRoundtrip();
        assertThat(refreshed).containsExactly(Set.of("TSPR04A", "TSPR04B"), Set.of("TSPR04C"));
    }

    @Test
    void a_view_detached_before_the_response_is_refreshed_once_when_attached_again() {
        refresh.schedule();
        UI.getCurrent().remove(view);
        MockVaadin.clientRoundtrip();
        assertThat(refreshes).hasValue(0);

        UI.getCurrent().add(view);
        refresh.schedule();
        MockVaadin.clientRoundtrip();
        assertThat(refreshes).hasValue(1);

        refresh.schedule();
        MockVaadin.clientRoundtrip();
        assertThat(refreshes).hasValue(2);
    }
}
