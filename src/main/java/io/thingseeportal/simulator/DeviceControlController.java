package io.thingseeportal.simulator;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The control API of the simulated devices, for demos, tests and benchmarks: JSON at {@value #PATH}, with the stack's
 * client token as {@link FaultController} takes it (else 401); a token opens only its own stack's devices, so that a
 * {@code {stack}} other than the token's is a 403. {@code PUT .../{stack}/{tuid}/battery} with {@code {"batteryLevel":
 * 42}} sets the device's battery and publishes its 1110 battery message at once, as if it had just reported. A device
 * set to 0 falls silent; one set above 0 reports again.
 */
@RestController
@ConditionalOnSimulator
@RequestMapping(DeviceControlController.PATH)
class DeviceControlController {

    static final String PATH = SimulatorConfig.CONTROL_PATH + "/devices";

    private static final String BATTERY_LEVEL = "batteryLevel";
    private static final int BATTERY_MESSAGE = 1110;
    private static final int PERIODIC = 10;

    /** The device after the change, as its 1110 message reported it. */
    record Battery(String stack, String tuid, int batteryLevel, Instant reportedAt) {}

    private final SimulatorStore store;
    private final SimulatorMqtt mqtt;
    private final Clock clock;

    DeviceControlController(SimulatorStore store, SimulatorMqtt mqtt, Clock clock) {
        this.store = store;
        this.mqtt = mqtt;
        this.clock = clock;
    }

    @PutMapping("/{stack}/{tuid}/battery")
    Battery battery(
            @RequestAttribute(Caller.ATTRIBUTE) Caller caller,
            @PathVariable String stack,
            @PathVariable String tuid,
            @RequestBody Map<String, @Nullable Object> body) {
        if (!stack.equals(caller.stack())) {
            throw SimulatorException.forbidden(
                    "The token opens stack " + caller.stack() + ", not " + stack + ": use that stack's client token");
        }
        int level = batteryLevel(body);
        DeviceMessage message = store.write(stack, state -> {
            SimulatedDevice device = state.device(tuid)
                    .orElseThrow(
                            () -> SimulatorException.notFound("No simulated device " + tuid + " in stack " + stack));
            Instant now = clock.instant();
            device = device.withReport(level, now);
            state.putDevice(device);
            state.putBatteryWear(tuid, 0);
            var battery = new DeviceMessage(
                    BATTERY_MESSAGE,
                    PERIODIC,
                    now,
                    tuid,
                    device.gatewayTuid(),
                    device.groupId(),
                    Map.of("batl", level, "chrg", 0));
            state.addMessage(battery);
            state.trimMessages(tuid, PeriodicDeviceData.KEPT_MESSAGES);
            return battery;
        });
        mqtt.publish(
                stack,
                SimulatorMqtt.topic(message.deploymentGroupId(), message.tsmTuid(), message.tsmId()),
                message.toJson());
        return new Battery(stack, tuid, level, message.tsmTs());
    }

    private static int batteryLevel(Map<String, @Nullable Object> body) {
        for (String name : body.keySet()) {
            if (!BATTERY_LEVEL.equals(name)) {
                throw SimulatorException.badRequest("Unknown setting " + name + "; only " + BATTERY_LEVEL);
            }
        }
        Object value = body.get(BATTERY_LEVEL);
        if (!(value instanceof Integer level) || level < 0 || level > 100) {
            throw SimulatorException.badRequest(BATTERY_LEVEL + " must be a whole number from 0 to 100");
        }
        return level;
    }
}
