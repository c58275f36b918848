package io.thingseeportal.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.VaadinService;
import io.thingseeportal.KaribuTest;
import org.junit.jupiter.api.Test;

/** How long a page waits for a message before it asks again, so that a slow answer does not stop the page. */
class PageMessagesTest extends KaribuTest {

    @Test
    void a_page_waits_30_seconds_for_a_missing_message_before_it_asks_again() {
        assertThat(VaadinService.getCurrent().getDeploymentConfiguration().getMaxMessageSuspendTimeout())
                .isEqualTo(30_000);
    }
}
