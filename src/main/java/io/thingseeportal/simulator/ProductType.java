package io.thingseeportal.simulator;

import java.util.List;

/**
 * The Thingsee products of REFERENCE.md 4.2 that the simulator fleet is made of, with their production IMCs, a firmware
 * string of the kind the apps inspect, and the periodic data message each one sends besides 1110 battery (AIR also
 * sends 24101 tvoc; {@link DeviceReadings} makes up the values).
 */
enum ProductType {
    GATEWAY(List.of("TSGW01", "TSGW02", "TSGW03", "TSGW04", "TSGW06"), "2023.09.14.1_ts_gw6", 11200),
    PRESENCE(List.of("TSPR01", "TSPR02", "TSPR03", "TSPR04"), "2023.06.12.2_ts_pir4", 13100),
    ENVIRONMENT(List.of("TSPD01", "TSPD02", "TSPD03", "TSPD04", "TSEN01"), "2022.11.03.1_ts_pod4wp40", 12100),
    RUGGED(List.of("TSPD05", "TSRU01", "TSRU02"), "2019.11.15.2_ts_pod3wp34", 12100),
    DISTANCE(List.of("TSTF01", "TSTF02"), "2022.04.21.1_ts_tof2", 17100),
    BEAM(List.of("TSTF04"), "2023.02.08.1_ts_beam1", 17100),
    ANGLE(List.of("TSAN01"), "2021.10.05.1_ts_angle1", 18100),
    AIR(List.of("TSAR01", "TSAR02"), "2023.03.30.1_ts_air2", 24100),
    LEAKAGE(List.of("TSLK01", "TSLK02"), "2022.08.17.1_ts_leak2", 12102),
    COUNT(List.of("TSAP01"), "2023.05.02.1_ts_count1", 13103);

    private final List<String> imcs;
    private final String firmware;
    private final int dataMessageId;

    ProductType(List<String> imcs, String firmware, int dataMessageId) {
        this.imcs = imcs;
        this.firmware = firmware;
        this.dataMessageId = dataMessageId;
    }

    List<String> imcs() {
        return imcs;
    }

    String firmware() {
        return firmware;
    }

    int dataMessageId() {
        return dataMessageId;
    }

    boolean isGateway() {
        return this == GATEWAY;
    }
}
