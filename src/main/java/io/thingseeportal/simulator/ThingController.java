package io.thingseeportal.simulator;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A thing, its installation status and its group (REFERENCE.md 2.1, 2.2, 2.3). TUIDs are case-sensitive. */
@RestController
@ConditionalOnSimulator
class ThingController {

    static final Set<String> INSTALLATION_STATUSES = Set.of("new", "installed", "uninstalled", "quarantine", "retired");

    record Location(double lat, double lon) {}

    record Thing(
            @JsonProperty("battery_level") int batteryLevel,
            long timestamp,
            Location location,
            @JsonProperty("gateway_tuid") String gatewayTuid,
            String version) {}

    record NewStatus(
            @JsonProperty("installation_status") @Nullable String status) {}

    record Installation(
            String tuid,
            @JsonProperty("installation_status") String status,
            @JsonProperty("group_id") String groupId) {

        static Installation of(InstallationRecord record) {
            return new Installation(record.tuid(), record.status(), record.groupId());
        }
    }

    record GroupChange(@JsonProperty("group_id") @Nullable String groupId) {}

    record ThingGroup(@JsonProperty("group_id") String groupId, String tuid) {}

    private final SimulatorStore store;
    private final Clock clock;

    ThingController(SimulatorStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @GetMapping("/things/{tuid}")
    ApiData<Thing> thing(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String tuid) {
        var device = store.read(caller.stack(), state -> existing(state, tuid));
        return ApiData.of(new Thing(
                device.batteryLevel(),
                device.lastSeen().getEpochSecond(),
                new Location(device.lat(), device.lon()),
                device.gatewayTuid(),
                device.version()));
    }

    @GetMapping("/things/{tuid}/installations")
    ApiData<List<Installation>> installations(
            @RequestAttribute(Caller.ATTRIBUTE) Caller caller,
            @PathVariable String tuid,
            @RequestParam(defaultValue = "0") int limit) {
        long max = Limits.of(limit);
        var history = store.read(caller.stack(), state -> {
            existing(state, tuid);
            return state.installations(tuid);
        });
        return ApiData.of(history.stream().limit(max).map(Installation::of).toList());
    }

    @PostMapping("/things/{tuid}/installations")
    ApiData<Installation> install(
            @RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String tuid, @RequestBody NewStatus body) {
        String status = body.status();
        if (status == null || !INSTALLATION_STATUSES.contains(status)) {
            throw SimulatorException.badRequest(
                    "installation_status must be one of new, installed, uninstalled, quarantine, retired");
        }
        var record = store.write(caller.stack(), state -> {
            var device = existing(state, tuid);
            var change = new InstallationRecord(tuid, status, device.groupId(), clock.instant());
            state.addInstallation(change);
            return change;
        });
        return ApiData.of(Installation.of(record));
    }

    @GetMapping("/things/{tuid}/group")
    ApiData<ThingGroup> group(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String tuid) {
        var device = store.read(caller.stack(), state -> existing(state, tuid));
        return ApiData.of(new ThingGroup(device.groupId(), tuid));
    }

    @PostMapping("/things/{tuid}/group")
    ApiData<ThingGroup> moveToGroup(
            @RequestAttribute(Caller.ATTRIBUTE) Caller caller,
            @PathVariable String tuid,
            @RequestBody GroupChange body) {
        String groupId = body.groupId();
        if (groupId == null || groupId.isBlank()) {
            throw SimulatorException.badRequest("group_id is required");
        }
        store.update(caller.stack(), state -> {
            var device = existing(state, tuid);
            if (!SimulatedDevice.UNASSIGNED.equals(groupId)
                    && state.group(groupId).isEmpty()) {
                throw SimulatorException.notFound("Group " + groupId + " not found");
            }
            state.putDevice(device.withGroup(groupId));
        });
        return ApiData.of(new ThingGroup(groupId, tuid));
    }

    static SimulatedDevice existing(StackState state, String tuid) {
        return state.device(tuid).orElseThrow(() -> SimulatorException.unknownThing(tuid));
    }
}
