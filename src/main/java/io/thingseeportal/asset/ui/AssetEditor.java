package io.thingseeportal.asset.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.thingseeportal.asset.Asset;
import io.thingseeportal.asset.AssetException;
import io.thingseeportal.asset.AssetService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What an admin does with the selected asset: rename it, add a place inside it, move it under another parent of the
 * level above, or delete it when it is empty. Each refusal is said at the field it is about.
 */
class AssetEditor extends Composite<VerticalLayout> {

    private final AssetService assets;
    private final Consumer<@Nullable Asset> changed;
    private final Paragraph refusedDelete = new Paragraph();

    /** @param changed told after each change, with the asset to select then (null after a delete) */
    AssetEditor(AssetService assets, Consumer<@Nullable Asset> changed) {
        this.assets = assets;
        this.changed = changed;
        getContent().setPadding(false);
        getContent().setId("asset-editor");
        getContent().setVisible(false);
        refusedDelete.setId("asset-refused");
        refusedDelete.addClassName("asset-refused");
    }

    void edit(@Nullable Asset asset) {
        var content = getContent();
        content.removeAll();
        content.setVisible(asset != null);
        if (asset == null) {
            return;
        }
        content.add(
                new H3(asset.pathText() + " · " + getTranslation(asset.kind().messageKey())));

        var name = new TextField(getTranslation("assets.name"));
        name.setId("asset-name");
        name.setValue(asset.name());
        name.setMaxLength(Asset.NAME_MAX_LENGTH);
        content.add(row(
                name,
                button(
                        "asset-rename",
                        "assets.rename",
                        () -> run(name, () -> assets.rename(asset.id(), name.getValue())))));

        asset.kind().childKind().ifPresent(kind -> {
            var child = new TextField(getTranslation(
                    "assets.add-inside", getTranslation(kind.messageKey()).toLowerCase(getLocale())));
            child.setId("asset-child-name");
            child.setMaxLength(Asset.NAME_MAX_LENGTH);
            content.add(row(
                    child,
                    button(
                            "asset-add-child",
                            "assets.add",
                            () -> run(child, () -> assets.create(asset.id(), child.getValue())))));
        });

        if (!asset.isSite()) {
            var parent = new ComboBox<Asset>(getTranslation("assets.move-to"));
            parent.setId("asset-move-to");
            parent.setItemLabelGenerator(Asset::pathText);
            parent.setItems(assets.all().stream()
                    .filter(candidate -> candidate
                            .kind()
                            .childKind()
                            .filter(kind -> kind == asset.kind())
                            .isPresent())
                    .filter(candidate -> !candidate
                            .path()
                            .equals(asset.path().subList(0, asset.path().size() - 1)))
                    .toList());
            content.add(row(parent, button("asset-move", "assets.move", () -> {
                if (parent.getValue() == null) {
                    parent.setErrorMessage(getTranslation("assets.move-to.required"));
                    parent.setInvalid(true);
                    return;
                }
                run(parent, () -> assets.move(asset.id(), parent.getValue().id()));
            })));
        }

        var delete = button("asset-delete", "assets.delete", () -> confirmDelete(asset));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        refusedDelete.setText("");
        content.add(delete, refusedDelete);
    }

    private void confirmDelete(Asset asset) {
        var confirm = new ConfirmDialog();
        confirm.setId("asset-delete-confirm");
        confirm.setHeader(getTranslation("assets.delete.title", asset.pathText()));
        confirm.setText(getTranslation("assets.delete.text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("assets.keep"));
        confirm.setConfirmText(getTranslation("assets.delete"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> {
            try {
                assets.delete(asset.id());
                changed.accept(null);
            } catch (AssetException refused) {
                refusedDelete.setText(getTranslation(refused.messageKey(), refused.subject()));
            }
        });
        confirm.open();
    }

    /** Runs a change; a refusal is said at {@code field}, and a success selects the changed asset. */
    private void run(HasValidation field, Supplier<Asset> change) {
        try {
            Asset done = change.get();
            field.setInvalid(false);
            changed.accept(done);
        } catch (AssetException refused) {
            field.setErrorMessage(getTranslation(refused.messageKey(), refused.subject()));
            field.setInvalid(true);
        }
    }

    private Button button(String id, String key, Runnable action) {
        var button = new Button(getTranslation(key), click -> action.run());
        button.setId(id);
        return button;
    }

    private static HorizontalLayout row(Component field, Button button) {
        var row = new HorizontalLayout(field, button);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }
}
