package io.thingseeportal.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Simulated devices answering commands (REFERENCE 5.3 and 9.10): a configuration is applied, clamped, and echoed with
 * {@code tsmEv} 31, the same {@code transactionId} and every field of the message; a command request ({@code tsmEv}
 * 35) is answered with 36 and {@code result} 0. The answer goes out over MQTT after the configured delay, and into
 * the device's message history.
 *
 * <p>The device's {@link FaultSettings} change that: an offline device neither applies nor answers; a dropped echo is
 * applied but neither stored nor published; a duplicated echo is published twice (stored once); a reordered echo is
 * held back until the device's next echo has gone out before it, or until the hold time is over; an unclamped device
 * applies and echoes out-of-range values as requested.
 */
@Component
@ConditionalOnSimulator
class SimulatedDeviceResponder implements DisposableBean {

    private static final int CONFIGURATION_REQUEST = 30;
    private static final int CONFIGURATION_ECHO = 31;
    private static final int COMMAND_RESPONSE = 36;
    private static final Duration DEFAULT_REORDER_HOLD = Duration.ofSeconds(10);

    private record Held(String stack, DeviceMessage message, ScheduledFuture<?> timeout) {}

    private final SimulatorStore store;
    private final SimulatorMqtt mqtt;
    private final SimulatorFaults faults;
    private final Clock clock;
    private final Duration echoDelay;
    private final Duration reorderHold;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final ScheduledExecutorService devices = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "simulated-devices");
        thread.setDaemon(true);
        return thread;
    });

    @Autowired
    SimulatedDeviceResponder(
            SimulatorStore store,
            SimulatorMqtt mqtt,
            SimulatorFaults faults,
            SimulatorProperties properties,
            Clock clock) {
        this(store, mqtt, faults, clock, properties.echoDelay(), DEFAULT_REORDER_HOLD);
    }

    /** @param reorderHold how long a held-back echo waits at most for another echo to overtake it */
    SimulatedDeviceResponder(
            SimulatorStore store,
            SimulatorMqtt mqtt,
            SimulatorFaults faults,
            Clock clock,
            Duration echoDelay,
            Duration reorderHold) {
        this.store = store;
        this.mqtt = mqtt;
        this.faults = faults;
        this.clock = clock;
        this.echoDelay = echoDelay;
        this.reorderHold = reorderHold;
    }

    @EventListener
    void answer(SimulatedCommandAccepted accepted) {
        for (Map<String, Object> command : accepted.commands()) {
            devices.schedule(
                    () -> respond(accepted.stack(), accepted.tuid(), command),
                    echoDelay.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** The device handles one command; runs on the devices' thread (tests call it directly instead). */
    void respond(String stack, String tuid, Map<String, Object> command) {
        StackFaults stackFaults = faults.of(stack);
        FaultSettings settings = stackFaults.effective(tuid);
        if (settings.offline()) {
            return;
        }
        boolean dropped = stackFaults.happens(settings.dropRate());
        DeviceMessage answer = store.write(stack, state -> {
            SimulatedDevice device = state.device(tuid).orElseThrow();
            int tsmId = ((Number) command.get("tsmId")).intValue();
            int tsmEv = ((Number) command.get("tsmEv")).intValue();
            Map<String, Object> fields = new LinkedHashMap<>();
            if (tsmEv == CONFIGURATION_REQUEST) {
                Map<String, Object> applied = DeviceConfigurations.apply(
                        tsmId, state.configuration(tuid, tsmId), command, !settings.unclamped());
                state.putConfiguration(tuid, tsmId, applied);
                fields.putAll(applied);
            } else {
                fields.put("result", 0);
            }
            if (command.get("transactionId") != null) {
                fields.put("transactionId", command.get("transactionId"));
            }
            Instant now = clock.instant();
            var message = new DeviceMessage(
                    tsmId,
                    tsmEv == CONFIGURATION_REQUEST ? CONFIGURATION_ECHO : COMMAND_RESPONSE,
                    now,
                    tuid,
                    device.gatewayTuid(),
                    device.groupId(),
                    fields);
            if (!dropped) {
                state.addMessage(message);
            }
            return message;
        });
        if (dropped) {
            return;
        }
        if (settings.reorder() && !held.containsKey(tuid)) {
            var timeout = devices.schedule(() -> release(tuid), reorderHold.toMillis(), TimeUnit.MILLISECONDS);
            held.put(tuid, new Held(stack, answer, timeout));
            return;
        }
        publish(stack, answer, settings.duplicate());
        release(tuid);
    }

    /** Sends the device's held-back echo, if any: after the one that overtook it, or when the hold is over. */
    private void release(String tuid) {
        Held earlier = held.remove(tuid);
        if (earlier != null) {
            earlier.timeout().cancel(false);
            publish(
                    earlier.stack(),
                    earlier.message(),
                    faults.of(earlier.stack()).effective(tuid).duplicate());
        }
    }

    private void publish(String stack, DeviceMessage message, boolean twice) {
        String topic = SimulatorMqtt.topic(message.deploymentGroupId(), message.tsmTuid(), message.tsmId());
        mqtt.publish(stack, topic, message.toJson());
        if (twice) {
            mqtt.publish(stack, topic, message.toJson());
        }
    }

    @Override
    public void destroy() {
        devices.shutdownNow();
    }
}
