package io.thingseeportal.deviceconfig.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import io.thingseeportal.bulk.BulkItemRequest;
import io.thingseeportal.device.ConfigurationCheck;
import io.thingseeportal.device.MessageType;
import io.thingseeportal.deviceconfig.ConfigurationRollouts;
import io.thingseeportal.deviceconfig.InvalidConfigurationException;
import io.thingseeportal.deviceconfig.RolloutRequest;
import io.thingseeportal.deviceconfig.RolloutTooLargeException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One configuration message for a selection of devices or a whole group: only the parameters filled in are sent.
 * "Check" tells how many devices get it and who is skipped why; "Start" hands it to the bulk-work engine and opens
 * the rollout's progress.
 */
class RolloutDialog extends Dialog {

    private final ConfigurationRollouts rollouts;
    private final @Nullable String groupId;
    private final List<String> tuids;
    private final ConfigurationEditor editor;
    private final Checkbox skipOffline = new Checkbox();
    private final Checkbox skipLowBattery = new Checkbox();
    private final Paragraph plan = new Paragraph();
    private final Button check = new Button();
    private final Button start = new Button();

    RolloutDialog(
            ConfigurationRollouts rollouts,
            ConfigurationCheck checker,
            List<MessageType> messages,
            @Nullable String groupId,
            List<String> tuids) {
        this.rollouts = rollouts;
        this.groupId = groupId;
        this.tuids = List.copyOf(tuids);
        setId("rollout-dialog");
        setHeaderTitle(
                groupId != null && tuids.isEmpty()
                        ? getTranslation("rollout.title.group", groupId)
                        : getTranslation("rollout.title.selection", String.valueOf(tuids.size())));
        editor = new ConfigurationEditor(messages, Map.of(), false, checker, sendable -> {
            check.setEnabled(sendable);
            start.setEnabled(false);
            plan.setText("");
        });
        skipOffline.setLabel(getTranslation("rollout.skip-offline"));
        skipOffline.setId("rollout-skip-offline");
        skipOffline.setValue(true);
        skipLowBattery.setLabel(getTranslation("rollout.skip-low-battery"));
        skipLowBattery.setId("rollout-skip-low-battery");
        skipLowBattery.setValue(true);
        skipOffline.addValueChangeListener(event -> start.setEnabled(false));
        skipLowBattery.addValueChangeListener(event -> start.setEnabled(false));
        plan.setId("rollout-plan");
        check.setText(getTranslation("rollout.check"));
        check.setId("rollout-check");
        check.addClickListener(click -> check());
        start.setText(getTranslation("rollout.start"));
        start.setId("rollout-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setEnabled(false);
        start.addClickListener(click -> start());
        getFooter().add(new Button(getTranslation("configure.cancel"), click -> close()), check, start);
        add(editor, skipOffline, skipLowBattery, plan);
        setMaxWidth("40rem");
    }

    private @Nullable RolloutRequest request() {
        MessageType message = editor.message();
        if (message == null) {
            return null;
        }
        return new RolloutRequest(
                message.tsmId(),
                editor.values(),
                groupId != null && tuids.isEmpty() ? List.of() : tuids,
                groupId != null && tuids.isEmpty() ? groupId : null,
                skipOffline.getValue(),
                skipLowBattery.getValue(),
                null);
    }

    private void check() {
        RolloutRequest request = request();
        if (request == null) {
            return;
        }
        try {
            ConfigurationRollouts.Plan found = rollouts.plan(request);
            Map<String, Long> skipped = found.devices().stream()
                    .map(BulkItemRequest::skipReason)
                    .filter(Objects::nonNull)
                    .collect(Collectors.groupingBy(reason -> reason, TreeMap::new, Collectors.counting()));
            String reasons = skipped.entrySet().stream()
                    .map(entry -> getTranslation(entry.getKey()) + " " + entry.getValue())
                    .collect(Collectors.joining(", "));
            plan.setText(getTranslation("rollout.plan", String.valueOf(found.toSend()))
                    + (reasons.isEmpty() ? "" : " " + getTranslation("rollout.plan.skipped", reasons))
                    + (found.tooLarge() ? " " + tooLarge(found.maxDevices()) : ""));
            start.setEnabled(found.toSend() > 0 && !found.tooLarge());
        } catch (InvalidConfigurationException invalid) {
            editor.showProblems(invalid.problems());
        }
    }

    private void start() {
        RolloutRequest request = request();
        if (request == null) {
            return;
        }
        start.setEnabled(false);
        try {
            long job = rollouts.start(request);
            close();
            UI.getCurrent().navigate("rollouts/" + job);
        } catch (InvalidConfigurationException invalid) {
            editor.showProblems(invalid.problems());
        } catch (RolloutTooLargeException tooLarge) {
            // The admin lowered the limit, or the group grew, since the plan was shown.
            plan.setText(tooLarge(tooLarge.maxDevices()));
        }
    }

    private String tooLarge(@Nullable Integer maxDevices) {
        return getTranslation("rollout.too-large", String.valueOf(maxDevices));
    }
}
