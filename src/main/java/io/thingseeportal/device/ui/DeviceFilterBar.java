package io.thingseeportal.device.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.thingseeportal.device.DeviceFilter;
import io.thingseeportal.device.DeviceListService;
import io.thingseeportal.device.ProductType;
import io.thingseeportal.thingsee.InstallationStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The device list's filters; every change makes a new {@link DeviceFilter}, which the listeners are told of. On a phone
 * all but the TUID search are folded away.
 */
class DeviceFilterBar extends Composite<HorizontalLayout> {

    static final List<Duration> NOT_SEEN_FOR = List.of(Duration.ofHours(1), Duration.ofHours(24), Duration.ofDays(7));

    private final ComboBox<String> group = new ComboBox<>();
    private final Select<ProductType> product = new Select<>();
    private final Select<InstallationStatus> status = new Select<>();
    private final IntegerField battery = new IntegerField();
    private final Select<Duration> notSeenFor = new Select<>();
    private final TextField tuid = new TextField();
    private final List<Runnable> listeners = new ArrayList<>();
    private final Details more = new Details();

    DeviceFilterBar(DeviceListService devices) {
        tuid.setId("device-search");
        tuid.setLabel(getTranslation("device.list.filter.tuid"));
        tuid.setPlaceholder(getTranslation("device.list.filter.tuid.placeholder"));
        tuid.setPrefixComponent(VaadinIcon.SEARCH.create());
        tuid.setClearButtonVisible(true);
        tuid.setValueChangeMode(ValueChangeMode.LAZY);

        group.setId("device-group");
        group.setLabel(getTranslation("device.list.filter.group"));
        group.setPlaceholder(getTranslation("device.list.filter.any"));
        group.setClearButtonVisible(true);
        group.setItems(
                query -> devices.groups(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream());
        group.setItemLabelGenerator(
                id -> DeviceFilter.NO_GROUP.equals(id) ? getTranslation("device.list.group.none") : id);

        product.setId("device-product");
        product.setLabel(getTranslation("device.list.filter.product"));
        product.setItems(ProductType.values());
        product.setItemLabelGenerator(
                type -> type == null ? getTranslation("device.list.filter.any") : type.productName());
        product.setEmptySelectionAllowed(true);
        product.setEmptySelectionCaption(getTranslation("device.list.filter.any"));

        status.setId("device-status");
        status.setLabel(getTranslation("device.list.filter.status"));
        status.setItems(InstallationStatus.values());
        status.setItemLabelGenerator(value -> value == null
                ? getTranslation("device.list.filter.any")
                : getTranslation("device.status." + value.wireValue()));
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("device.list.filter.any"));

        battery.setId("device-battery");
        battery.setLabel(getTranslation("device.list.filter.battery"));
        battery.setMin(0);
        battery.setMax(100);
        battery.setSuffixComponent(new Span("%"));
        battery.setClearButtonVisible(true);
        battery.setValueChangeMode(ValueChangeMode.LAZY);

        notSeenFor.setId("device-not-seen");
        notSeenFor.setLabel(getTranslation("device.list.filter.not-seen"));
        notSeenFor.setItems(NOT_SEEN_FOR);
        notSeenFor.setItemLabelGenerator(value -> value == null
                ? getTranslation("device.list.filter.any")
                : getTranslation("device.list.filter.not-seen." + value.toHours() + "h"));
        notSeenFor.setEmptySelectionAllowed(true);
        notSeenFor.setEmptySelectionCaption(getTranslation("device.list.filter.any"));

        List.<HasValue<?, ?>>of(tuid, group, product, status, battery, notSeenFor)
                .forEach(field -> field.addValueChangeListener(change -> listeners.forEach(Runnable::run)));
        more.setId("device-more-filters");
        more.setSummaryText(getTranslation("device.list.filter.more"));
        more.setWidthFull();
        more.addClassName("device-list-more-filters");
        var bar = getContent();
        bar.add(tuid, group, product, status, battery, notSeenFor);
        bar.setWrap(true);
        bar.setWidthFull();
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.addClassName("device-list-filters");
    }

    /**
     * On a phone only the TUID search stays in view and the other filters fold into "More filters", so that the first
     * devices show on the first screen; on a desk every filter is in the bar.
     */
    void fold(boolean folded) {
        if (folded == (more.getParent().isPresent())) {
            return;
        }
        Component[] others = {group, product, status, battery, notSeenFor};
        if (folded) {
            var fields = new Div(others);
            fields.addClassName("device-list-filters");
            more.setContent(fields);
            getContent().add(more);
        } else {
            more.removeAll();
            getContent().remove(more);
            getContent().add(others);
        }
    }

    void addChangeListener(Runnable listener) {
        listeners.add(listener);
    }

    /** The filter the fields make now; a battery percentage outside 0–100 is ignored until corrected. */
    DeviceFilter value() {
        Integer percent = battery.getValue();
        return new DeviceFilter(
                group.getValue(),
                product.getValue(),
                status.getValue(),
                percent == null || percent < 0 || percent > 100 ? null : percent,
                notSeenFor.getValue(),
                tuid.getValue());
    }
}
