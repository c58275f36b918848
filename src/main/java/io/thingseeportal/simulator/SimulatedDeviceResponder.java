package io.thingseeportal.simulator;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Simulated devices answering commands (REFERENCE 5.3 and 9.10): a configuration is applied, clamped, and echoed with
 * {@code tsmEv} 31, the same {@code transactionId} and every field of the message; a command request ({@code tsmEv}
 * 35) is answered with 36 and {@code result} 0. The answer goes out over MQTT after the configured delay, and into
 * the device's message history.
 */
@Component
@ConditionalOnSimulator
class SimulatedDeviceResponder implements DisposableBean {

    private static final int CONFIGURATION_REQUEST = 30;
    private static final int CONFIGURATION_ECHO = 31;
    private static final int COMMAND_RESPONSE = 36;

    private final SimulatorStore store;
    private final SimulatorMqtt mqtt;
    private final SimulatorProperties properties;
    private final Clock clock;
    private final ScheduledExecutorService devices = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "simulated-devices");
        thread.setDaemon(true);
        return thread;
    });

    SimulatedDeviceResponder(SimulatorStore store, SimulatorMqtt mqtt, SimulatorProperties properties, Clock clock) {
        this.store = store;
        this.mqtt = mqtt;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    void answer(SimulatedCommandAccepted accepted) {
        for (Map<String, Object> command : accepted.commands()) {
            devices.schedule(
                    () -> respond(accepted.stack(), accepted.tuid(), command),
                    properties.echoDelay().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private void respond(String stack, String tuid, Map<String, Object> command) {
        DeviceMessage answer = store.write(stack, state -> {
            SimulatedDevice device = state.device(tuid).orElseThrow();
            int tsmId = ((Number) command.get("tsmId")).intValue();
            int tsmEv = ((Number) command.get("tsmEv")).intValue();
            Map<String, Object> fields = new LinkedHashMap<>();
            if (tsmEv == CONFIGURATION_REQUEST) {
                Map<String, Object> applied =
                        DeviceConfigurations.apply(tsmId, state.configuration(tuid, tsmId), command);
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
            state.addMessage(message);
            return message;
        });
        mqtt.publish(SimulatorMqtt.topic(answer.deploymentGroupId(), tuid, answer.tsmId()), answer.toJson());
    }

    @Override
    public void destroy() {
        devices.shutdownNow();
    }
}
