package io.thingseeportal.group;

import java.util.Arrays;
import java.util.Optional;

/** The first two characters of a deployment group id: what the group's devices are for. */
public enum GroupEnvironment {
    /** Devices in real use; Thingsee's MQTT routing supports this prefix. */
    PRODUCTION("pr"),
    /** Devices shown to customers or at events. */
    DEMO("dm"),
    /** Devices in research and development or testing. */
    DEVELOPMENT("rd");

    private final String code;

    GroupEnvironment(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The key of the sentence that explains the environment to a person choosing it. */
    public String descriptionKey() {
        return "group.environment." + code + ".description";
    }

    /** The key of the environment's short name, for example "Production". */
    public String nameKey() {
        return "group.environment." + code + ".name";
    }

    static Optional<GroupEnvironment> fromCode(String code) {
        return Arrays.stream(values()).filter(env -> env.code.equals(code)).findFirst();
    }
}
