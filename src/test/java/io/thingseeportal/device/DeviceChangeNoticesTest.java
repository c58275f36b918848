package io.thingseeportal.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class DeviceChangeNoticesTest {

    final DeviceChangeNotices notices = new DeviceChangeNotices(null, null, event -> {});

    @Test
    void a_notice_of_another_node_is_the_change_it_tells_of_marked_as_heard() {
        assertThat(notices.received(DeviceChangeNotices.CHANNEL, "other-node|42|TSPR04A,TSPR04B"))
                .containsExactly(new DeviceStateChanged(42, Set.of("TSPR04A", "TSPR04B"), false, true));
    }

    @Test
    void a_notice_on_the_commands_channel_is_a_change_of_commands() {
        assertThat(notices.received(DeviceChangeNotices.COMMANDS_CHANNEL, "other-node|42|TSPR04A"))
                .containsExactly(new DeviceStateChanged(42, Set.of("TSPR04A"), true, true));
    }

    @Test
    void a_notice_that_cannot_be_read_is_ignored() {
        assertThat(notices.received(DeviceChangeNotices.CHANNEL, "other-node|not-a-tenant|TSPR04A"))
                .isEmpty();
        assertThat(notices.received(DeviceChangeNotices.CHANNEL, "other-node|42|"))
                .isEmpty();
        assertThat(notices.received(DeviceChangeNotices.CHANNEL, "garbage")).isEmpty();
    }
}
