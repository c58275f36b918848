package io.thingseeportal.thingsee.mqtt;

import io.thingseeportal.thingsee.ThingseeProperties;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a tenant's stream subscribes to, and what the broker's answer and a change of settings mean for it. */
final class StreamSubscriptions {

    private StreamSubscriptions() {}

    /** What a stream with these settings subscribes to: its topic filters, in its shared group if it has one. */
    static List<String> filters(ThingseeProperties.Stream settings) {
        String group = settings.sharedGroup();
        return settings.topicFilters().stream()
                .map(filter -> group == null || group.isBlank() ? filter : "$share/" + group + "/" + filter)
                .toList();
    }

    /** The filters whose SUBACK reason code is a failure (0x80 and above), each with its code. */
    static List<String> refused(List<String> filters, int @Nullable [] reasonCodes) {
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < filters.size(); i++) {
            if (reasonCodes == null || i >= reasonCodes.length) {
                refused.add(filters.get(i) + " (no reason code)");
            } else if (reasonCodes[i] >= 0x80) {
                refused.add(filters.get(i) + " (reason code 0x" + Integer.toHexString(reasonCodes[i]) + ")");
            }
        }
        return refused;
    }

    /** The subscriptions the next connection at the same broker does not take over: the ones to leave. */
    static List<String> dropped(List<String> current, List<String> next) {
        return current.stream().filter(filter -> !next.contains(filter)).toList();
    }
}
