package io.thingseeportal.device;

import java.util.List;
import java.util.Optional;

/**
 * The Thingsee product of a device, told by the first six characters of its TUID (the IMC), as Haltian's own apps tell
 * it (REFERENCE.md 4.2): production IMCs first, then R&D ones.
 */
public enum ProductType {
    GATEWAY(
            "Thingsee GATEWAY",
            "TSGW01",
            "TSGW02",
            "TSGW03",
            "TSGW04",
            "TSGW06",
            "XXXX00",
            "XXXX08",
            "XXXX11",
            "XXXX21"),
    GATEWAY_LAN("Thingsee GATEWAY LAN", "TSGW05", "XXXX16"),
    ENVIRONMENT("Thingsee ENVIRONMENT", "TSPD01", "TSPD02", "TSPD03", "TSPD04", "TSEN01", "XXXX01", "XXXX03", "XXEN01"),
    ENVIRONMENT_RUGGED("Thingsee ENVIRONMENT RUGGED", "TSPD05", "TSRU01", "TSRU02", "XXXX18", "XXRU01"),
    PRESENCE("Thingsee PRESENCE", "TSPR01", "TSPR02", "TSPR03", "TSPR04", "XXXX05", "XXXX06", "XXXX12", "XXXX13"),
    DISTANCE("Thingsee DISTANCE", "TSTF01", "TSTF02", "XXXX02", "XXXX04"),
    BEAM("Thingsee BEAM", "TSTF04", "XXXX20"),
    ANGLE("Thingsee ANGLE", "TSAN01", "XXXX10"),
    AIR("Thingsee AIR", "TSAR01", "TSAR02", "XXAR01", "XXXX14"),
    LEAKAGE("Thingsee LEAKAGE RUGGED", "TSLK01", "TSLK02", "XXLK01"),
    COUNT("Thingsee COUNT", "TSAP01", "XXXX24"),
    ACTIVITY("Thingsee ACTIVITY", "GOTG01", "XXXXSP"),
    LOOLIGHT("Whiffaway LooLight", "WHLL01", "LOLT01", "XXLT01");

    private static final int IMC_LENGTH = 6;

    private final String productName;
    private final List<String> imcs;

    ProductType(String productName, String... imcs) {
        this.productName = productName;
        this.imcs = List.of(imcs);
    }

    /** The product's name as Haltian writes it, for example "Thingsee PRESENCE"; a brand, never translated. */
    public String productName() {
        return productName;
    }

    /** The IMCs (first six characters of a TUID) of the product, for finding its devices in SQL. */
    List<String> imcs() {
        return imcs;
    }

    /** The product of a TUID, by its IMC; empty for a TUID too short or of an IMC Haltian's lists do not name. */
    public static Optional<ProductType> ofTuid(String tuid) {
        if (tuid.length() < IMC_LENGTH) {
            return Optional.empty();
        }
        String imc = tuid.substring(0, IMC_LENGTH);
        for (ProductType type : values()) {
            if (type.imcs.contains(imc)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
