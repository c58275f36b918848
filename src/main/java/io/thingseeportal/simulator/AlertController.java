package io.thingseeportal.simulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alerts (REFERENCE.md 2.1): the devices with an alert on, their count (a string, as in the cloud), and one device's
 * alert periods grouped by type, times in UTC without a zone as in the cloud's example.
 */
@RestController
@ConditionalOnSimulator
class AlertController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    record Alerting(@JsonProperty("alerting_tuids") List<String> alertingTuids) {}

    record AlertCount(@JsonProperty("alert_count") String alertCount) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Period(String from, @Nullable String to) {}

    record DeviceAlerts(
            String tuid, @JsonProperty("alert_type") String alertType, List<Period> alerts) {}

    private final SimulatorStore store;

    AlertController(SimulatorStore store) {
        this.store = store;
    }

    @GetMapping("/things/alerts")
    ApiData<Alerting> alerting(@RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        return ApiData.of(new Alerting(alertingTuids(caller)));
    }

    @GetMapping("/things/alerts/count")
    ApiData<AlertCount> count(@RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        return ApiData.of(new AlertCount(Integer.toString(alertingTuids(caller).size())));
    }

    @GetMapping("/things/{tuid}/alerts")
    ApiData<List<DeviceAlerts>> deviceAlerts(
            @RequestAttribute(Caller.ATTRIBUTE) Caller caller,
            @PathVariable String tuid,
            @RequestParam(required = false) @Nullable Long from,
            @RequestParam(required = false) @Nullable Long to) {
        Instant start = from == null ? Instant.MIN : Instant.ofEpochSecond(from);
        Instant end = to == null ? Instant.MAX : Instant.ofEpochSecond(to);
        var alerts = store.read(caller.stack(), state -> {
            ThingController.existing(state, tuid);
            return state.alerts();
        });
        var byType = new LinkedHashMap<String, List<Period>>();
        alerts.stream()
                .filter(alert -> alert.tuid().equals(tuid) && alert.overlaps(start, end))
                .forEach(alert -> byType.computeIfAbsent(alert.type(), type -> new ArrayList<>())
                        .add(new Period(format(alert.from()), alert.to() == null ? null : format(alert.to()))));
        return ApiData.of(byType.entrySet().stream()
                .map(type -> new DeviceAlerts(tuid, type.getKey(), type.getValue()))
                .toList());
    }

    private List<String> alertingTuids(Caller caller) {
        return store.read(caller.stack(), StackState::alerts).stream()
                .filter(AlertRecord::isOpen)
                .map(AlertRecord::tuid)
                .distinct()
                .toList();
    }

    private static String format(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC)
                .format(TIME);
    }
}
