package io.thingseeportal.device;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * This node's device changes gathered for a moment before {@link DeviceChangeNotices} sends them, so that a burst (a
 * rollout changes two commands per device, the data stream hundreds of devices a second) costs one database round trip
 * instead of one per change. Changes of one tenant and channel merge; each notice names at most
 * {@value #TUIDS_PER_NOTICE} devices. Thread-safe.
 */
final class NoticeBatch {

    /** PostgreSQL takes at most 8,000 bytes per notice; TUIDs are at most 64 characters. */
    static final int TUIDS_PER_NOTICE = 100;

    /** One {@code NOTIFY}: its channel and its text ({@code node|tenant|tuid,tuid,...}). */
    record Notice(String channel, String text) {}

    private record Key(long tenantId, String channel) {}

    private final String node;
    private Map<Key, Set<String>> gathered = new LinkedHashMap<>();

    NoticeBatch(String node) {
        this.node = node;
    }

    /**
     * Adds a change to the batch.
     *
     * @return whether the batch was empty before, so that the caller schedules its sending
     */
    synchronized boolean add(long tenantId, String channel, Set<String> tuids) {
        boolean first = gathered.isEmpty();
        gathered.computeIfAbsent(new Key(tenantId, channel), key -> new LinkedHashSet<>())
                .addAll(tuids);
        return first;
    }

    /** Takes everything gathered so far as notices, and starts an empty batch. */
    List<Notice> drain() {
        Map<Key, Set<String>> taken;
        synchronized (this) {
            taken = gathered;
            gathered = new LinkedHashMap<>();
        }
        List<Notice> notices = new ArrayList<>();
        taken.forEach((key, tuids) -> {
            List<String> all = List.copyOf(tuids);
            for (int from = 0; from < all.size(); from += TUIDS_PER_NOTICE) {
                String devices = String.join(",", all.subList(from, Math.min(all.size(), from + TUIDS_PER_NOTICE)));
                notices.add(new Notice(key.channel(), node + "|" + key.tenantId() + "|" + devices));
            }
        });
        return notices;
    }
}
