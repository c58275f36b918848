package io.thingseeportal.simulator.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.data.binder.Binder;
import io.thingseeportal.simulator.FaultSettings;

/** The fault settings of the simulated cloud or of one device; the ids start with the given prefix. */
class FaultSettingsForm extends Composite<FormLayout> {

    private final IntegerField latency = new IntegerField();
    private final NumberField errorRate = new NumberField();
    private final Checkbox offline = new Checkbox();
    private final NumberField dropRate = new NumberField();
    private final Checkbox duplicate = new Checkbox();
    private final Checkbox reorder = new Checkbox();
    private final Checkbox unclamped = new Checkbox();

    FaultSettingsForm(String idPrefix) {
        latency.setId(idPrefix + "latency");
        latency.setLabel(getTranslation("simulator.latency"));
        share(errorRate, idPrefix + "error-rate", "simulator.error-rate");
        share(dropRate, idPrefix + "drop-rate", "simulator.drop-rate");
        check(offline, idPrefix + "offline", "simulator.offline");
        check(duplicate, idPrefix + "duplicate", "simulator.duplicate");
        check(reorder, idPrefix + "reorder", "simulator.reorder");
        check(unclamped, idPrefix + "unclamped", "simulator.unclamped");
        getContent().add(latency, errorRate, dropRate, offline, duplicate, reorder, unclamped);
    }

    void bind(Binder<Values> binder) {
        binder.forField(latency)
                .asRequired(getTranslation("simulator.invalid.latency", FaultSettings.MAX_LATENCY_MILLIS))
                .withValidator(
                        value -> value >= 0 && value <= FaultSettings.MAX_LATENCY_MILLIS,
                        getTranslation("simulator.invalid.latency", FaultSettings.MAX_LATENCY_MILLIS))
                .bind(Values::getLatency, Values::setLatency);
        binder.forField(errorRate)
                .asRequired(getTranslation("simulator.invalid.share"))
                .withValidator(value -> value >= 0 && value <= 1, getTranslation("simulator.invalid.share"))
                .bind(Values::getErrorRate, Values::setErrorRate);
        binder.forField(dropRate)
                .asRequired(getTranslation("simulator.invalid.share"))
                .withValidator(value -> value >= 0 && value <= 1, getTranslation("simulator.invalid.share"))
                .bind(Values::getDropRate, Values::setDropRate);
        binder.forField(offline).bind(Values::isOffline, Values::setOffline);
        binder.forField(duplicate).bind(Values::isDuplicate, Values::setDuplicate);
        binder.forField(reorder).bind(Values::isReorder, Values::setReorder);
        binder.forField(unclamped).bind(Values::isUnclamped, Values::setUnclamped);
    }

    private void share(NumberField field, String id, String label) {
        field.setId(id);
        field.setLabel(getTranslation(label));
        // No min/max on the field: its own range check would show no message; the binder's explains the range.
        field.setStep(0.05);
    }

    private void check(Checkbox box, String id, String label) {
        box.setId(id);
        box.setLabel(getTranslation(label));
    }

    /** The form's mutable values, as Binder wants them. */
    static final class Values {
        private Integer latency = 0;
        private Double errorRate = 0.0;
        private Double dropRate = 0.0;
        private boolean offline;
        private boolean duplicate;
        private boolean reorder;
        private boolean unclamped;

        static Values of(FaultSettings settings) {
            var values = new Values();
            values.latency = (int) settings.apiLatencyMillis();
            values.errorRate = settings.apiErrorRate();
            values.dropRate = settings.dropRate();
            values.offline = settings.offline();
            values.duplicate = settings.duplicate();
            values.reorder = settings.reorder();
            values.unclamped = settings.unclamped();
            return values;
        }

        FaultSettings toSettings() {
            return new FaultSettings(latency, errorRate, offline, dropRate, duplicate, reorder, unclamped);
        }

        Integer getLatency() {
            return latency;
        }

        void setLatency(Integer latency) {
            this.latency = latency;
        }

        Double getErrorRate() {
            return errorRate;
        }

        void setErrorRate(Double errorRate) {
            this.errorRate = errorRate;
        }

        Double getDropRate() {
            return dropRate;
        }

        void setDropRate(Double dropRate) {
            this.dropRate = dropRate;
        }

        boolean isOffline() {
            return offline;
        }

        void setOffline(boolean offline) {
            this.offline = offline;
        }

        boolean isDuplicate() {
            return duplicate;
        }

        void setDuplicate(boolean duplicate) {
            this.duplicate = duplicate;
        }

        boolean isReorder() {
            return reorder;
        }

        void setReorder(boolean reorder) {
            this.reorder = reorder;
        }

        boolean isUnclamped() {
            return unclamped;
        }

        void setUnclamped(boolean unclamped) {
            this.unclamped = unclamped;
        }
    }
}
