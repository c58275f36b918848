package io.thingseeportal.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Generates a stack's starting state: a fleet covering every product type, with TUIDs of real production IMCs and
 * serials drawn from a seed mixed with the stack's name, so that a restart gives the same fleet. A few devices are
 * already installed in a demo group; the rest are new and unassigned. Times are relative to {@code now}.
 */
final class FleetFactory {

    static final String DEMO_GROUP_SUFFIX = "00showroom";
    static final int INSTALLED_DEVICES = 5;
    static final Duration REPORT_INTERVAL = Duration.ofMinutes(5);
    private static final int SEEDED_REPORTS = 3;
    private static final int LOW_BATTERY = 7;
    private static final Map<String, double[]> CITY_BY_COUNTRY = Map.of(
            "fi", new double[] {65.0121, 25.4651},
            "se", new double[] {59.3293, 18.0686},
            "no", new double[] {59.9139, 10.7522},
            "de", new double[] {52.5200, 13.4050},
            "gb", new double[] {51.5072, -0.1276});

    private final long seed;
    private final int fleetSize;

    FleetFactory(long seed, int fleetSize) {
        if (fleetSize < ProductType.values().length) {
            throw new IllegalArgumentException("a fleet needs at least one device per product type");
        }
        this.seed = seed;
        this.fleetSize = fleetSize;
    }

    /** The demo group of a stack whose devices are in {@code country}. */
    static String demoGroupId(String country) {
        return "dm" + country + DEMO_GROUP_SUFFIX;
    }

    StackState generate(String stackName, String country, Instant now) {
        var random = new Random(seed * 31 + stackName.hashCode());
        var devices = devices(random, country, now);
        var state = new StackState();
        var demoGroup = new SimulatedGroup(demoGroupId(country), "Demo showroom");
        state.putGroup(demoGroup);
        Instant delivered = now.minus(Duration.ofDays(30));
        Instant installed = now.minus(Duration.ofDays(7));
        for (int i = 0; i < devices.size(); i++) {
            var device = devices.get(i);
            state.addInstallation(new InstallationRecord(device.tuid(), "new", device.groupId(), delivered));
            if (i < INSTALLED_DEVICES) {
                device = device.withGroup(demoGroup.id());
                state.addInstallation(new InstallationRecord(device.tuid(), "installed", device.groupId(), installed));
            }
            state.putDevice(device);
            seedMessages(state, device);
        }
        seedAlerts(state, devices, now);
        return state;
    }

    private List<SimulatedDevice> devices(Random random, String country, Instant now) {
        double[] city = CITY_BY_COUNTRY.getOrDefault(country, new double[] {60.1699, 24.9384});
        var sensorTypes = List.of(ProductType.values()).stream()
                .filter(type -> !type.isGateway())
                .toList();
        int gateways = Math.max(1, fleetSize / 10);
        var serials = new HashSet<String>();
        var gatewayTuids = new ArrayList<String>();
        var devices = new ArrayList<SimulatedDevice>();
        for (int i = 0; i < fleetSize; i++) {
            // Gateways first, so that the installed few include one and every sensor has a gateway to name.
            var type = i < gateways ? ProductType.GATEWAY : sensorTypes.get((i - gateways) % sensorTypes.size());
            String imc = type.imcs().get(random.nextInt(type.imcs().size()));
            String tuid = imc + serial(random, serials);
            if (type.isGateway()) {
                gatewayTuids.add(tuid);
            }
            int battery = type.isGateway() ? 100 : 20 + random.nextInt(81);
            if (i == fleetSize - 1) {
                battery = LOW_BATTERY;
            }
            Instant lastSeen = now.minusSeconds(random.nextInt((int) REPORT_INTERVAL.toSeconds()));
            devices.add(new SimulatedDevice(
                    tuid,
                    type,
                    battery,
                    lastSeen,
                    round(city[0] + (random.nextDouble() - 0.5) / 50),
                    round(city[1] + (random.nextDouble() - 0.5) / 50),
                    type.isGateway() ? tuid : gatewayTuids.get(i % gatewayTuids.size()),
                    type.firmware(),
                    SimulatedDevice.UNASSIGNED));
        }
        return devices;
    }

    /** A PSN like the real {@code EZU31901021}: three letters and eight digits, unique within the stack. */
    private static String serial(Random random, Set<String> taken) {
        while (true) {
            var serial = new StringBuilder();
            for (int i = 0; i < 3; i++) {
                serial.append((char) ('A' + random.nextInt(26)));
            }
            serial.append(String.format("%08d", random.nextInt(100_000_000)));
            if (taken.add(serial.toString())) {
                return serial.toString();
            }
        }
    }

    private void seedMessages(StackState state, SimulatedDevice device) {
        var readings = new DeviceReadings(seed);
        @Nullable Map<String, Object> lastCount = null;
        for (int step = SEEDED_REPORTS - 1; step >= 0; step--) {
            Instant at = device.lastSeen().minus(REPORT_INTERVAL.multipliedBy(step));
            state.addMessage(message(device, 1110, at, Map.of("batl", device.batteryLevel(), "chrg", 0)));
            for (var data :
                    readings.report(device, at, REPORT_INTERVAL, lastCount).entrySet()) {
                state.addMessage(message(device, data.getKey(), at, data.getValue()));
                if (data.getKey() == ProductType.COUNT.dataMessageId()) {
                    lastCount = data.getValue();
                }
            }
        }
    }

    private static DeviceMessage message(SimulatedDevice device, int tsmId, Instant at, Map<String, Object> fields) {
        return new DeviceMessage(tsmId, 10, at, device.tuid(), device.gatewayTuid(), device.groupId(), fields);
    }

    /** The last device runs on a nearly empty battery; one gateway lost its connection for a while yesterday. */
    private static void seedAlerts(StackState state, List<SimulatedDevice> devices, Instant now) {
        var weak = devices.get(devices.size() - 1);
        state.addAlert(new AlertRecord(weak.tuid(), "battery low", now.minus(Duration.ofHours(5)), null));
        var gateway = devices.get(0);
        Instant lost = now.minus(Duration.ofHours(26));
        state.addAlert(new AlertRecord(gateway.tuid(), "gateway connection lost", lost, lost.plusSeconds(600)));
    }

    private static double round(double degrees) {
        return Math.round(degrees * 10_000) / 10_000.0;
    }
}
