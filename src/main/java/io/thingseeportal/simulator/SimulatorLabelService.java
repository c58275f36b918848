package io.thingseeportal.simulator;

import io.thingseeportal.security.AppRoles;
import io.thingseeportal.tenant.TenantService;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The QR labels of the simulated devices, as if printed on their stickers, so that the demo can be installed with a
 * phone's camera. A tenant sees the devices of the simulated stack of the same name as its slug.
 */
@Service
@ConditionalOnSimulator
public class SimulatorLabelService {

    /** Every this many devices also carries the newer Haltian label, so that both QR parsers get exercised. */
    private static final int HALTIAN_EVERY = 3;

    private static final int IMC_LENGTH = 6;

    private final SimulatorStore store;
    private final TenantService tenants;

    SimulatorLabelService(SimulatorStore store, TenantService tenants) {
        this.store = store;
        this.tenants = tenants;
    }

    /** The labels of the signed-in admin's stack, in fleet order; none when no stack has the tenant's name. */
    @RolesAllowed(AppRoles.ADMIN)
    public List<DeviceLabel> labelsOfCurrentTenant() {
        String stack = tenants.current().slug();
        if (!store.stacks().contains(stack)) {
            return List.of();
        }
        List<SimulatedDevice> devices = store.read(stack, StackState::devices);
        var labels = new ArrayList<DeviceLabel>();
        for (int i = 0; i < devices.size(); i++) {
            labels.add(label(devices.get(i), i % HALTIAN_EVERY == 1));
        }
        return List.copyOf(labels);
    }

    static DeviceLabel label(SimulatedDevice device, boolean withHaltianCode) {
        String imc = device.tuid().substring(0, IMC_LENGTH);
        String psn = device.tuid().substring(IMC_LENGTH);
        String haltian = withHaltianCode ? "I#" + imc + ",W#" + nodeId(device.tuid()) + ",S#" + psn : null;
        return new DeviceLabel(device.tuid(), productName(device.type()), psn + "," + imc, haltian);
    }

    /** A Wirepas node id of the simulated device: stable, decimal, and never the TUID. */
    static long nodeId(String tuid) {
        return 1_000_000 + Math.floorMod(tuid.hashCode(), 99_000_000);
    }

    private static String productName(ProductType type) {
        return switch (type) {
            case GATEWAY -> "Thingsee GATEWAY";
            case PRESENCE -> "Thingsee PRESENCE";
            case ENVIRONMENT -> "Thingsee ENVIRONMENT";
            case RUGGED -> "Thingsee ENVIRONMENT RUGGED";
            case DISTANCE -> "Thingsee DISTANCE";
            case BEAM -> "Thingsee BEAM";
            case ANGLE -> "Thingsee ANGLE";
            case AIR -> "Thingsee AIR";
            case LEAKAGE -> "Thingsee LEAKAGE RUGGED";
            case COUNT -> "Thingsee COUNT";
        };
    }
}
