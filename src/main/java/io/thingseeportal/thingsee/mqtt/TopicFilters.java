package io.thingseeportal.thingsee.mqtt;

import java.util.List;

/** MQTT topic filters ({@code +} one level, {@code #} the rest), matched as the broker matches them. */
record TopicFilters(List<String> filters) {

    TopicFilters {
        filters = List.copyOf(filters);
    }

    boolean matches(String topic) {
        return filters.stream().anyMatch(filter -> matches(filter, topic));
    }

    static boolean matches(String filter, String topic) {
        if (topic.startsWith("$") && (filter.startsWith("#") || filter.startsWith("+"))) {
            return false;
        }
        String[] wanted = filter.split("/", -1);
        String[] levels = topic.split("/", -1);
        for (int i = 0; i < wanted.length; i++) {
            if (wanted[i].equals("#")) {
                return true;
            }
            if (i >= levels.length) {
                return false;
            }
            if (!wanted[i].equals("+") && !wanted[i].equals(levels[i])) {
                return false;
            }
        }
        return wanted.length == levels.length;
    }
}
