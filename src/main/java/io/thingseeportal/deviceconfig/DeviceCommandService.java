package io.thingseeportal.deviceconfig;

import io.thingseeportal.audit.AuditAction;
import io.thingseeportal.audit.AuditLog;
import io.thingseeportal.device.CheckedConfiguration;
import io.thingseeportal.device.ConfigurationCheck;
import io.thingseeportal.device.ConfigurationProblem;
import io.thingseeportal.device.DesiredConfigurations;
import io.thingseeportal.device.DeviceDetails;
import io.thingseeportal.device.DeviceDetailsService;
import io.thingseeportal.device.MessageCatalog;
import io.thingseeportal.device.MessageKind;
import io.thingseeportal.device.MessageType;
import io.thingseeportal.device.NoSuchDeviceException;
import io.thingseeportal.device.ProductType;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.BackgroundWork;
import io.thingseeportal.security.CurrentUser;
import io.thingseeportal.security.PortalUser;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Configuration and command messages to the tenant's devices (REFERENCE 2.4, 5.3 and 9.4-9.9). Each command is stored
 * with a transactionId of its own before Thingsee hears of it, and the device's echo settles it later ({@link
 * CommandEchoes}). Sending blocks until Thingsee answers: views use the {@code …InBackground} forms.
 */
@Service
public class DeviceCommandService {

    /** LED control of most sensors, and of the ANGLE (REFERENCE 6.1 and 6.8). */
    static final int LED = 1505;

    static final int ANGLE_LED = 18200;
    static final int PING = 1600;
    static final int LED_BLINK = 1;
    static final String NOT_TAKEN = "commands.problem.not-taken";

    private final DeviceCommandStore store;
    private final CommandDelivery delivery;
    private final DeviceDetailsService devices;
    private final DesiredConfigurations desired;
    private final MessageCatalog catalog;
    private final ConfigurationCheck check;
    private final CurrentUser currentUser;
    private final BackgroundWork work;
    private final TransactionTemplate transaction;
    private final CommandsProperties properties;
    private final Clock clock;
    private final AuditLog audit;

    DeviceCommandService(
            DeviceCommandStore store,
            CommandDelivery delivery,
            DeviceDetailsService devices,
            DesiredConfigurations desired,
            MessageCatalog catalog,
            ConfigurationCheck check,
            CurrentUser currentUser,
            BackgroundWork work,
            TransactionTemplate transaction,
            CommandsProperties properties,
            Clock clock,
            AuditLog audit) {
        this.audit = audit;
        this.store = store;
        this.delivery = delivery;
        this.devices = devices;
        this.desired = desired;
        this.catalog = catalog;
        this.check = check;
        this.currentUser = currentUser;
        this.work = work;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Sends one configuration message ({@code tsmEv} 30) or command ({@code tsmEv} 35) of the catalog to the device;
     * a configuration's values become what the device should have. Returns the command as it stands after Thingsee's
     * answer: {@code SENT}, or {@code FAILED} with the reason.
     *
     * @throws InvalidConfigurationException when the device's product does not take the message, or a value is not
     *     one the catalog allows; nothing is stored or sent then
     */
    @RolesAllowed(AppRoles.ADMIN)
    public DeviceCommand configure(String tuid, int tsmId, Map<String, ? extends @Nullable Object> values) {
        DeviceDetails device = device(tuid);
        MessageType message = offered(tuid, tsmId);
        CheckedConfiguration checked = check.check(tsmId, values);
        if (!checked.valid()) {
            throw new InvalidConfigurationException(checked.problems());
        }
        Map<String, Object> request = checked.valuesToSend();
        int tsmEv = message.requestEvent().orElseThrow();
        DeviceCommand command = transaction.execute(status -> {
            DeviceCommand stored = store(device, tsmId, tsmEv, request);
            if (message.kind() == MessageKind.CONFIGURATION) {
                desired.desire(tuid, tsmId, request);
            }
            return stored;
        });
        return delivery.deliver(tenantId(), command, device.reportIntervalSeconds());
    }

    /** The messages the portal offers for the device, by its product: configuration first, then commands. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    public List<MessageType> messagesFor(String tuid) {
        return ProductType.ofTuid(tuid).map(catalog::sendableFor).orElse(List.of());
    }

    private MessageType offered(String tuid, int tsmId) {
        ProductType product = ProductType.ofTuid(tuid).orElse(null);
        return catalog.type(tsmId)
                .filter(type -> product != null && catalog.sendableFor(product).contains(type))
                .orElseThrow(() -> new InvalidConfigurationException(List.of(new ConfigurationProblem(
                        "",
                        NOT_TAKEN,
                        List.of(String.valueOf(tsmId), product == null ? tuid : product.productName())))));
    }

    @RolesAllowed(AppRoles.ADMIN)
    public CompletableFuture<DeviceCommand> configureInBackground(
            String tuid, int tsmId, Map<String, ? extends @Nullable Object> values) {
        return work.supply(() -> configure(tuid, tsmId, values));
    }

    /**
     * Makes the device's LED blink for a while, so that an installer finds it: 18200 on an ANGLE, 1505 on the others.
     * A moment's signal, not a setting: the desired configuration stays as it is.
     */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
    public DeviceCommand identify(String tuid) {
        DeviceDetails device = device(tuid);
        int led = ProductType.ofTuid(tuid).orElse(null) == ProductType.ANGLE ? ANGLE_LED : LED;
        Map<String, Object> blink = Map.of("profileId", LED_BLINK, "duration", properties.identifySeconds());
        return sendOnce(device, led, EchoMatch.CONFIGURATION_REQUEST, blink);
    }

    /** Pings the device (1600, {@code tsmEv} 35); its answer tells that it hears the network. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
    public DeviceCommand ping(String tuid) {
        return sendOnce(device(tuid), PING, EchoMatch.COMMAND_REQUEST, Map.of());
    }

    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
    public CompletableFuture<DeviceCommand> identifyInBackground(String tuid) {
        return work.supply(() -> identify(tuid));
    }

    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
    public CompletableFuture<DeviceCommand> pingInBackground(String tuid) {
        return work.supply(() -> ping(tuid));
    }

    /**
     * Sends a failed command again, with its own transactionId, so that an echo of the first try still matches. A
     * command in any other state is returned as it is.
     */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
    public DeviceCommand retry(long commandId) {
        long tenantId = tenantId();
        DeviceCommand command = store.find(tenantId, commandId)
                .filter(found -> readable(found.tuid()))
                .orElseThrow(() -> new NoSuchCommandException(commandId));
        if (command.state() != CommandState.FAILED || !mayResend(command)) {
            return command;
        }
        DeviceDetails device = device(command.tuid());
        Boolean requeued = transaction.execute(status -> {
            boolean again = store.requeue(tenantId, commandId, clock.instant());
            if (again) {
                audit.record(
                        tenantId,
                        AuditAction.CONFIGURATION_SENT,
                        command.tuid(),
                        "tsmId " + command.tsmId() + " " + command.request() + ", transactionId "
                                + command.transactionId() + ", again");
            }
            return again;
        });
        if (!Boolean.TRUE.equals(requeued)) {
            return store.find(tenantId, commandId).orElseThrow();
        }
        return delivery.deliver(tenantId, command, device.reportIntervalSeconds());
    }

    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
    public CompletableFuture<DeviceCommand> retryInBackground(long commandId) {
        return work.supply(() -> retry(commandId));
    }

    /** The device's commands, newest first, at most {@code limit}. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public List<DeviceCommand> ofDevice(String tuid, int limit) {
        return readable(tuid) ? store.ofDevice(tenantId(), tuid, limit) : List.of();
    }

    /** How many of the tenant's commands wait to be sent or for the device's echo. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public long countAwaitingEcho() {
        return store.countOpen(tenantId());
    }

    /** Installers may resend only what installers may send: identify and ping. */
    private boolean mayResend(DeviceCommand command) {
        PortalUser user = currentUser.require();
        return user.hasRole(AppRoles.ADMIN)
                || command.tsmId() == PING
                || command.tsmId() == LED
                || command.tsmId() == ANGLE_LED;
    }

    private DeviceCommand sendOnce(DeviceDetails device, int tsmId, int tsmEv, Map<String, Object> values) {
        DeviceCommand command = transaction.execute(status -> store(device, tsmId, tsmEv, values));
        return delivery.deliver(tenantId(), command, device.reportIntervalSeconds());
    }

    /** Stores the command, and that it was asked for in the audit log, in the caller's transaction. */
    private DeviceCommand store(DeviceDetails device, int tsmId, int tsmEv, Map<String, Object> values) {
        PortalUser user = currentUser.require();
        DeviceCommand stored = store.insert(
                tenantId(),
                new DeviceCommandStore.NewCommand(
                        device.tuid(), tsmId, tsmEv, values, device.groupId(), null, user.subject(), user.name()),
                clock.instant());
        audit.record(
                tenantId(),
                AuditAction.CONFIGURATION_SENT,
                device.tuid(),
                "tsmId " + tsmId + " " + values + ", transactionId " + stored.transactionId());
        return stored;
    }

    /** Whether the signed-in person may read the device: always, unless their installer access is for one site. */
    private boolean readable(String tuid) {
        return currentUser.require().onlySite() == null || devices.find(tuid).isPresent();
    }

    private DeviceDetails device(String tuid) {
        return devices.find(tuid).orElseThrow(() -> new NoSuchDeviceException(tuid));
    }

    private long tenantId() {
        return currentUser.tenantId();
    }
}
