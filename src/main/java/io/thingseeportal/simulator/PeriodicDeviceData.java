package io.thingseeportal.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Simulated devices sending their periodic data (REFERENCE 9.10): at its report interval (its 1500 {@code
 * reportInterval}, scaled by {@code portal.simulator.report-interval-scale}) every device with battery left publishes
 * 1110 battery and its product's data messages with values from {@link DeviceReadings}, gateways their 11200
 * heartbeat. A device's first report after the simulator started begins as a booting device's does (REFERENCE 5.3 and
 * 6.1): 1100 system info ({@code tsmEv} 11) and its 1500 configuration unsolicited ({@code tsmEv} 31, no {@code
 * transactionId}), so that the portal learns its firmware and report interval. Each report drains a battery by {@link
 * #DRAIN_PER_REPORT} points, updates last-seen and goes into the bounded message history. Devices report whether
 * installed or not, as real ones do. A device overdue after a pause reports within one interval, not all at once.
 */
@Component
@ConditionalOnSimulator
@ConditionalOnProperty(name = "portal.simulator.periodic-data", havingValue = "true", matchIfMissing = true)
class PeriodicDeviceData implements SmartLifecycle {

    static final Duration TICK = Duration.ofSeconds(1);
    static final int KEPT_MESSAGES = 200;
    static final double DRAIN_PER_REPORT = 0.05;
    private static final int BATTERY_MESSAGE = 1110;
    private static final int PERIODIC = 10;
    private static final int BOOT = 11;
    private static final int CONFIGURATION_ECHO = 31;
    private static final int INTERVALS = 1500;
    private static final int DEFAULT_REPORT_INTERVAL = 300;
    private static final Logger log = LoggerFactory.getLogger(PeriodicDeviceData.class);

    private final SimulatorStore store;
    private final SimulatorMqtt mqtt;
    private final double scale;
    private final Clock clock;
    private final DeviceReadings readings;
    private final Map<String, Instant> nextReports = new ConcurrentHashMap<>();
    private final Set<String> booted = ConcurrentHashMap.newKeySet();
    private @Nullable ScheduledExecutorService scheduler;

    PeriodicDeviceData(SimulatorStore store, SimulatorMqtt mqtt, SimulatorProperties properties, Clock clock) {
        this.store = store;
        this.mqtt = mqtt;
        this.scale = properties.reportIntervalScale();
        this.clock = clock;
        this.readings = new DeviceReadings(properties.seed());
    }

    /** Sends the reports that are due now; the scheduler calls it every {@link #TICK}. */
    void tick() {
        Instant now = clock.instant();
        for (String stack : store.stacks()) {
            List<String> due = store.read(
                    stack,
                    state -> state.devices().stream()
                            .filter(device -> device.batteryLevel() > 0)
                            .filter(device -> !now.isBefore(nextReport(stack, device, interval(state, device), now)))
                            .map(SimulatedDevice::tuid)
                            .toList());
            if (!due.isEmpty()) {
                store.write(stack, state -> report(stack, state, due, now)).forEach(message -> publish(stack, message));
            }
        }
    }

    private List<DeviceMessage> report(String stack, StackState state, List<String> tuids, Instant now) {
        var sent = new ArrayList<DeviceMessage>();
        for (String tuid : tuids) {
            SimulatedDevice device = state.device(tuid).orElseThrow();
            Duration interval = interval(state, device);
            if (booted.add(key(stack, tuid))) {
                sent.add(message(device, DeviceReadings.BOOT_INFO, BOOT, now, DeviceReadings.bootInfo(device)));
                sent.add(message(device, INTERVALS, CONFIGURATION_ECHO, now, state.configuration(tuid, INTERVALS)));
            }
            int battery = device.type().isGateway() ? device.batteryLevel() : drained(state, device);
            device = device.withReport(battery, now);
            state.putDevice(device);
            if (!device.type().isGateway()) {
                sent.add(message(device, BATTERY_MESSAGE, PERIODIC, now, Map.of("batl", battery, "chrg", 0)));
            }
            for (var data : readings.report(device, now, interval, lastCount(state, device))
                    .entrySet()) {
                sent.add(message(device, data.getKey(), PERIODIC, now, data.getValue()));
            }
            nextReports.put(key(stack, tuid), now.plus(interval));
        }
        sent.forEach(state::addMessage);
        tuids.forEach(tuid -> state.trimMessages(tuid, KEPT_MESSAGES));
        return sent;
    }

    /** A COUNT device's newest count, whose totals its next one continues. */
    private static @Nullable Map<String, Object> lastCount(StackState state, SimulatedDevice device) {
        if (device.type() != ProductType.COUNT) {
            return null;
        }
        return state.messages(device.tuid()).stream()
                .filter(message -> message.tsmId() == ProductType.COUNT.dataMessageId())
                .findFirst()
                .map(DeviceMessage::fields)
                .orElse(null);
    }

    private static int drained(StackState state, SimulatedDevice device) {
        double wear = state.batteryWear(device.tuid()) + DRAIN_PER_REPORT;
        int battery = device.batteryLevel();
        // Whole points only: the wear is compared with a little tolerance against sums of 0.05 that miss 1.0.
        while (wear >= 1 - 1e-9 && battery > 0) {
            battery--;
            wear -= 1;
        }
        state.putBatteryWear(device.tuid(), Math.max(0, wear));
        return battery;
    }

    private static DeviceMessage message(
            SimulatedDevice device, int tsmId, int tsmEv, Instant at, Map<String, Object> fields) {
        return new DeviceMessage(tsmId, tsmEv, at, device.tuid(), device.gatewayTuid(), device.groupId(), fields);
    }

    private void publish(String stack, DeviceMessage message) {
        mqtt.publish(
                stack,
                SimulatorMqtt.topic(message.deploymentGroupId(), message.tsmTuid(), message.tsmId()),
                message.toJson());
    }

    /** The device's report interval: its configured {@code reportInterval}, scaled, at least a second. */
    Duration interval(StackState state, SimulatedDevice device) {
        Object configured = state.configuration(device.tuid(), INTERVALS).get("reportInterval");
        double seconds = configured instanceof Number number ? number.doubleValue() : DEFAULT_REPORT_INTERVAL;
        return Duration.ofMillis(Math.max(1000, Math.round(seconds * 1000 * scale)));
    }

    private Instant nextReport(String stack, SimulatedDevice device, Duration interval, Instant now) {
        return nextReports.computeIfAbsent(key(stack, device.tuid()), key -> {
            Instant regular = device.lastSeen().plus(interval);
            if (!regular.isBefore(now)) {
                return regular;
            }
            return now.plusMillis(Math.floorMod(device.tuid().hashCode(), interval.toMillis()));
        });
    }

    private static String key(String stack, String tuid) {
        return stack + "/" + tuid;
    }

    @Override
    public synchronized void start() {
        var executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "simulated-periodic-data");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::safeTick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        scheduler = executor;
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            // A failed tick must not end the schedule: the next one tries again.
            log.warn("Simulated periodic data failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
