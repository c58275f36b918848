package io.thingseeportal.deviceconfig.ui;

import io.thingseeportal.device.ConfigurationCheck;
import io.thingseeportal.device.MessageCatalog;
import io.thingseeportal.device.MessageKind;
import io.thingseeportal.device.MessageType;
import io.thingseeportal.deviceconfig.ConfigurationRollouts;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Opens a rollout for other features' pages (the group page, for one): every message some product takes is on offer,
 * configuration first; a device whose product does not take the chosen one is skipped.
 */
@Component
public class RolloutLauncher {

    private final ConfigurationRollouts rollouts;
    private final ConfigurationCheck check;
    private final MessageCatalog catalog;

    RolloutLauncher(ConfigurationRollouts rollouts, ConfigurationCheck check, MessageCatalog catalog) {
        this.rollouts = rollouts;
        this.check = check;
        this.catalog = catalog;
    }

    /** A rollout to these devices, or with none chosen to every device of the group. Call on the UI thread. */
    public void open(String groupId, List<String> chosen) {
        List<MessageType> messages = catalog.types().stream()
                .filter(MessageType::sendable)
                .filter(type -> !type.products().isEmpty())
                .sorted(Comparator.comparing((MessageType type) -> type.kind() != MessageKind.CONFIGURATION)
                        .thenComparing(MessageType::tsmId))
                .toList();
        new RolloutDialog(rollouts, check, messages, groupId, chosen).open();
    }
}
