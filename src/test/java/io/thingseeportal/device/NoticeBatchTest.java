package io.thingseeportal.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NoticeBatchTest {

    final NoticeBatch batch = new NoticeBatch("node-a");

    @Test
    void changes_of_one_tenant_on_one_channel_go_out_as_one_notice() {
        batch.add(7, DeviceChangeNotices.COMMANDS_CHANNEL, Set.of("TSPR04A"));
        batch.add(7, DeviceChangeNotices.COMMANDS_CHANNEL, Set.of("TSPR04B"));
        batch.add(7, DeviceChangeNotices.COMMANDS_CHANNEL, Set.of("TSPR04A"));

        assertThat(batch.drain())
                .containsExactly(
                        new NoticeBatch.Notice(DeviceChangeNotices.COMMANDS_CHANNEL, "node-a|7|TSPR04A,TSPR04B"));
    }

    @Test
    void other_tenants_and_channels_get_notices_of_their_own() {
        batch.add(7, DeviceChangeNotices.CHANNEL, Set.of("TSPR04A"));
        batch.add(8, DeviceChangeNotices.CHANNEL, Set.of("TSPR04B"));
        batch.add(7, DeviceChangeNotices.COMMANDS_CHANNEL, Set.of("TSPR04A"));

        assertThat(batch.drain())
                .containsExactly(
                        new NoticeBatch.Notice(DeviceChangeNotices.CHANNEL, "node-a|7|TSPR04A"),
                        new NoticeBatch.Notice(DeviceChangeNotices.CHANNEL, "node-a|8|TSPR04B"),
                        new NoticeBatch.Notice(DeviceChangeNotices.COMMANDS_CHANNEL, "node-a|7|TSPR04A"));
    }

    @Test
    void a_notice_names_at_most_a_hundred_devices() {
        var tuids = new LinkedHashSet<String>();
        IntStream.range(0, 250).forEach(i -> tuids.add("TSPR04%03d".formatted(i)));
        batch.add(7, DeviceChangeNotices.CHANNEL, tuids);

        var notices = batch.drain();

        assertThat(notices).hasSize(3);
        assertThat(notices)
                .extracting(
                        notice -> notice.text().substring("node-a|7|".length()).split(",").length)
                .containsExactly(100, 100, 50);
    }

    @Test
    void only_the_first_change_of_an_empty_batch_asks_for_the_batch_to_be_sent() {
        assertThat(batch.add(7, DeviceChangeNotices.CHANNEL, Set.of("TSPR04A"))).isTrue();
        assertThat(batch.add(8, DeviceChangeNotices.CHANNEL, Set.of("TSPR04B"))).isFalse();

        batch.drain();

        assertThat(batch.drain()).isEmpty();
        assertThat(batch.add(7, DeviceChangeNotices.CHANNEL, Set.of("TSPR04C"))).isTrue();
    }
}
