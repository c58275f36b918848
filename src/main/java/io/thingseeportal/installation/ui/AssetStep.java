package io.thingseeportal.installation.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.thingseeportal.asset.Asset;
import io.thingseeportal.asset.AssetException;
import io.thingseeportal.asset.AssetKind;
import io.thingseeportal.asset.AssetService;
import io.thingseeportal.installation.WorkOrder;
import io.thingseeportal.installation.WorkOrderPlaces;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The asset step: where the sensor is mounted, searched from the tenant's asset tree with the installer's recently used
 * places first, or added on the spot; and, if the installer wants, where the phone is.
 */
class AssetStep extends Composite<VerticalLayout> {

    private final WorkOrderPlaces places;
    private final AssetService assets;
    private final ComboBox<Asset> asset = new ComboBox<>();
    private final ComboBox<Asset> parent = new ComboBox<>();
    private final Paragraph location = new Paragraph();
    private @Nullable Double latitude;
    private @Nullable Double longitude;

    AssetStep(
            WorkOrder order,
            WorkOrderPlaces places,
            AssetService assets,
            Consumer<WorkOrder> show,
            Function<WorkOrder, Button> cancel,
            long photoMaxBytes) {
        this.places = places;
        this.assets = assets;
        this.latitude = order.latitude();
        this.longitude = order.longitude();
        asset.setLabel(getTranslation("work.asset.label"));
        asset.setPlaceholder(getTranslation("work.asset.placeholder"));
        asset.setId("work-asset");
        asset.setWidthFull();
        asset.setItemLabelGenerator(Asset::pathText);
        asset.setRequiredIndicatorVisible(true);
        List<Asset> choices = places.assetChoices();
        asset.setItems(choices);
        if (order.assetId() != null) {
            choices.stream()
                    .filter(choice -> choice.id() == order.assetId())
                    .findFirst()
                    .ifPresent(asset::setValue);
        }

        var next = WorkOrderParts.primary("work-next", "work.next", button -> {
            if (asset.getValue() == null) {
                asset.setErrorMessage(getTranslation("work.asset.required"));
                asset.setInvalid(true);
                return;
            }
            try {
                show.accept(places.chooseAsset(order.id(), asset.getValue().id(), latitude, longitude));
            } catch (AssetException gone) {
                // Removed by an admin while the installer was choosing.
                asset.setItems(places.assetChoices());
                asset.setErrorMessage(getTranslation(gone.messageKey(), gone.subject()));
                asset.setInvalid(true);
            }
        });

        location.setId("work-location-text");
        if (latitude != null && longitude != null) {
            location.setText(getTranslation("work.location.added", latitude, longitude));
        }
        var locate = WorkOrderParts.secondary("work-location", "work.location", button -> locate());

        var content = getContent();
        content.setPadding(false);
        content.setAlignItems(VerticalLayout.Alignment.STRETCH);
        content.add(
                asset,
                addPlace(),
                locate,
                location,
                new SpotPhoto(order, places, photoMaxBytes),
                next,
                cancel.apply(order));
    }

    /** "Add a place": a name, in a parent chosen from the tree (none: a new site). */
    private Details addPlace() {
        parent.setLabel(getTranslation("work.asset.parent"));
        parent.setPlaceholder(getTranslation("work.asset.parent.none"));
        parent.setId("work-asset-parent");
        parent.setWidthFull();
        parent.setClearButtonVisible(true);
        parent.setItemLabelGenerator(Asset::pathText);
        refreshParents();
        var name = new TextField(getTranslation("work.asset.name"));
        name.setId("work-asset-name");
        name.setWidthFull();
        name.setMaxLength(Asset.NAME_MAX_LENGTH);
        var added = new Paragraph();
        added.setId("work-asset-added");
        var create = WorkOrderParts.secondary("work-asset-create", "work.asset.create", button -> {
            try {
                Asset created = assets.create(
                        parent.getValue() == null ? null : parent.getValue().id(), name.getValue());
                List<Asset> choices = places.assetChoices();
                asset.setItems(choices);
                asset.setValue(created);
                asset.setInvalid(false);
                refreshParents();
                name.clear();
                name.setInvalid(false);
                added.setText(getTranslation("work.asset.added", created.pathText()));
            } catch (AssetException refused) {
                name.setErrorMessage(getTranslation(refused.messageKey(), refused.subject()));
                name.setInvalid(true);
            }
        });
        var details = new Details(getTranslation("work.asset.add"), WorkOrderParts.column(parent, name, create, added));
        details.setId("work-asset-add");
        // A tenant without assets yet starts by adding one.
        details.setOpened(assets.all().isEmpty());
        return details;
    }

    /** Lists the places that can hold another, keeping the one chosen: the next place often goes there too. */
    private void refreshParents() {
        Asset chosen = parent.getValue();
        List<Asset> parents = assets.all().stream()
                .filter(candidate -> candidate.kind() != AssetKind.SPACE)
                .toList();
        parent.setItems(parents);
        if (chosen != null) {
            parents.stream()
                    .filter(candidate -> candidate.id() == chosen.id())
                    .findFirst()
                    .ifPresent(parent::setValue);
        }
    }

    /** Asks the browser where the phone is; a refusal or a browser without it is said in words. */
    private void locate() {
        getElement()
                .executeJs("return new Promise((resolve) => {"
                        + " if (!navigator.geolocation) { resolve({error: 'unsupported'}); return; }"
                        + " navigator.geolocation.getCurrentPosition("
                        + "  p => resolve({lat: p.coords.latitude, lon: p.coords.longitude}),"
                        + "  e => resolve({error: e.message || String(e.code)}),"
                        + "  {enableHighAccuracy: true, timeout: 15000});"
                        + "})")
                .then(answer -> {
                    if (answer instanceof elemental.json.JsonObject json && json.hasKey("lat")) {
                        latitude = json.getNumber("lat");
                        longitude = json.getNumber("lon");
                        location.setText(getTranslation("work.location.added", latitude, longitude));
                    } else {
                        String error = answer instanceof elemental.json.JsonObject json && json.hasKey("error")
                                ? json.getString("error")
                                : "?";
                        location.setText(getTranslation("work.location.failed", error));
                    }
                });
    }
}
