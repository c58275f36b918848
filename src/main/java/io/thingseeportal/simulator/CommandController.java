package io.thingseeportal.simulator;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Remote configuration (REFERENCE.md 2.4): accepted commands are recorded for the history and announced as
 * {@link SimulatedCommandAccepted}; the 200 only means queued, the device answers later through the data stream.
 */
@RestController
@ConditionalOnSimulator
class CommandController {

    record Queued(String responsible, List<Map<String, Object>> commands) {}

    record HistoryEntry(String tuid, long timestamp, String responsible, List<Map<String, Object>> commands) {

        static HistoryEntry of(CommandRecord record) {
            return new HistoryEntry(
                    record.tuid(), record.at().getEpochSecond(), record.responsible(), record.commands());
        }
    }

    private final SimulatorStore store;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CommandController(SimulatorStore store, Clock clock, ApplicationEventPublisher events) {
        this.store = store;
        this.clock = clock;
        this.events = events;
    }

    @PostMapping("/things/{tuid}/commands")
    ApiData<Queued> send(
            @RequestAttribute(Caller.ATTRIBUTE) Caller caller,
            @PathVariable String tuid,
            @RequestBody List<@Nullable Map<String, Object>> body) {
        var now = clock.instant();
        var record = store.write(caller.stack(), state -> {
            ThingController.existing(state, tuid);
            var commands = CommandRules.accept(body, tuid, now);
            var accepted = new CommandRecord(tuid, now, caller.clientId(), commands);
            state.addCommand(accepted);
            return accepted;
        });
        events.publishEvent(new SimulatedCommandAccepted(caller.stack(), tuid, record.commands(), record.at()));
        return ApiData.of(new Queued(record.responsible(), record.commands()));
    }

    @GetMapping("/things/{tuid}/commands")
    ApiData<List<HistoryEntry>> history(
            @RequestAttribute(Caller.ATTRIBUTE) Caller caller,
            @PathVariable String tuid,
            @RequestParam(defaultValue = "0") int limit) {
        long max = Limits.of(limit);
        var history = store.read(caller.stack(), state -> {
            ThingController.existing(state, tuid);
            return state.commands(tuid);
        });
        return ApiData.of(history.stream().limit(max).map(HistoryEntry::of).toList());
    }
}
