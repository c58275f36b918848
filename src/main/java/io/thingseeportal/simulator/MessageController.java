package io.thingseeportal.simulator;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The messages a device sent, newest first, filtered as {@code GET things/{tuid}/messages} allows (REFERENCE.md 2.1). */
@RestController
@ConditionalOnSimulator
class MessageController {

    private final SimulatorStore store;

    MessageController(SimulatorStore store) {
        this.store = store;
    }

    @GetMapping("/things/{tuid}/messages")
    ApiData<List<Map<String, Object>>> messages(
            @RequestAttribute(Caller.ATTRIBUTE) Caller caller,
            @PathVariable String tuid,
            @RequestParam int limit,
            @RequestParam(required = false) @Nullable String messageid,
            @RequestParam(required = false) @Nullable String eventid,
            @RequestParam(required = false) @Nullable Long from,
            @RequestParam(required = false) @Nullable Long to) {
        long max = Limits.of(limit);
        var messageIds = ids("messageid", messageid);
        var eventIds = ids("eventid", eventid);
        Instant start = from == null ? Instant.MIN : Instant.ofEpochSecond(from);
        Instant end = to == null ? Instant.MAX : Instant.ofEpochSecond(to);
        var messages = store.read(caller.stack(), state -> {
            ThingController.existing(state, tuid);
            return state.messages(tuid);
        });
        return ApiData.of(messages.stream()
                .filter(message -> messageIds.isEmpty() || messageIds.contains(message.tsmId()))
                .filter(message -> eventIds.isEmpty() || eventIds.contains(message.tsmEv()))
                .filter(message ->
                        !message.tsmTs().isBefore(start) && !message.tsmTs().isAfter(end))
                .limit(max)
                .map(DeviceMessage::toJson)
                .toList());
    }

    /** A comma-separated list of numbers; empty when not given. */
    private static Set<Integer> ids(String name, @Nullable String list) {
        if (list == null || list.isBlank()) {
            return Set.of();
        }
        try {
            return Arrays.stream(list.split(","))
                    .map(String::trim)
                    .map(Integer::valueOf)
                    .collect(Collectors.toUnmodifiableSet());
        } catch (NumberFormatException e) {
            throw SimulatorException.badRequest(name + " must be a comma-separated list of numbers");
        }
    }
}
