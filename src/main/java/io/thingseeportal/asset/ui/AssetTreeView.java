package io.thingseeportal.asset.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import io.thingseeportal.asset.Asset;
import io.thingseeportal.asset.AssetException;
import io.thingseeportal.asset.AssetImport;
import io.thingseeportal.asset.AssetService;
import io.thingseeportal.asset.InstallerAccessService;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.tenant.TenantService;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The organisation's asset tree, for admins: sites, their buildings, floors and spaces. A new site is added at the top,
 * everything else from the selected place ({@link AssetEditor}); a CSV file of paths adds many at once, with a report
 * of every row. Below, the temporary installer access to its sites ({@link InstallerAccessPanel}).
 */
@Route("assets")
@Menu(order = 8, icon = "vaadin:building", title = "menu.assets")
@RolesAllowed(AppRoles.ADMIN)
class AssetTreeView extends Composite<VerticalLayout> implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(AssetTreeView.class);

    /** The largest CSV file taken in. */
    static final int MAX_IMPORT_BYTES = 1_000_000;

    private final AssetService assets;
    private final AssetImport importer;
    private final TreeGrid<Asset> tree = new TreeGrid<>();
    private final AssetEditor editor;
    private final Grid<AssetImport.Row> report = new Grid<>();
    private final Paragraph reportSummary = new Paragraph();
    private final InstallerAccessPanel installerAccess;

    AssetTreeView(AssetService assets, AssetImport importer, InstallerAccessService access, TenantService tenants) {
        this.assets = assets;
        this.importer = importer;
        this.editor = new AssetEditor(assets, this::reload);
        this.installerAccess = new InstallerAccessPanel(access, tenants.seenUsers(), this::sites);

        var site = new TextField(getTranslation("assets.new-site"));
        site.setId("asset-new-site");
        site.setMaxLength(Asset.NAME_MAX_LENGTH);
        var addSite = new Button(getTranslation("assets.add"), click -> {
            try {
                Asset created = assets.create(null, site.getValue());
                site.clear();
                site.setInvalid(false);
                reload(created);
            } catch (AssetException refused) {
                site.setErrorMessage(getTranslation(refused.messageKey(), refused.subject()));
                site.setInvalid(true);
            }
        });
        addSite.setId("asset-add-site");
        var top = new HorizontalLayout(site, addSite);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        top.setWrap(true);

        tree.setId("asset-tree");
        tree.addHierarchyColumn(Asset::name)
                .setHeader(getTranslation("assets.name"))
                .setFlexGrow(3);
        tree.addColumn(asset -> getTranslation(asset.kind().messageKey())).setHeader(getTranslation("assets.kind"));
        tree.asSingleSelect().addValueChangeListener(event -> editor.edit(event.getValue()));
        tree.setAllRowsVisible(true);

        var content = getContent();
        content.setMaxWidth("60rem");
        content.add(new H2(getTranslation("assets.title")), top, tree, editor, importPanel(), installerAccess);
        reload(null);
    }

    private List<Asset> sites() {
        return assets.all().stream().filter(Asset::isSite).toList();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("assets.title");
    }

    /** Shows the tree as it is now, expanded down to {@code selected}, which it selects. */
    private void reload(@Nullable Asset selected) {
        List<Asset> all = assets.all();
        Map<Long, Asset> byId = new HashMap<>();
        all.forEach(asset -> byId.put(asset.id(), asset));
        var data = new TreeData<Asset>();
        // Paths sort parents before their children, so each parent is in the tree before its first child.
        for (Asset asset : all) {
            data.addItem(asset.parentId() == null ? null : byId.get(asset.parentId()), asset);
        }
        tree.setTreeData(data);
        tree.expand(all.stream().filter(asset -> asset.isSite()).toList());
        if (selected != null) {
            Asset now = byId.get(selected.id());
            for (Long parent = now == null ? null : now.parentId();
                    parent != null;
                    parent = byId.get(parent).parentId()) {
                tree.expand(byId.get(parent));
            }
            tree.select(now);
        }
        editor.edit(selected == null ? null : byId.get(selected.id()));
        // A site added, renamed or deleted is offered as it is now.
        installerAccess.refresh();
    }

    private VerticalLayout importPanel() {
        var upload = new Upload((UploadHandler) this::receive);
        upload.setId("asset-import");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_IMPORT_BYTES);
        upload.setAcceptedFileTypes(".csv", "text/csv", "text/plain");
        upload.setUploadButton(new Button(getTranslation("assets.import")));
        upload.addFileRejectedListener(event -> reportSummary.setText(getTranslation("assets.import.rejected")));
        reportSummary.setId("asset-import-summary");
        report.setId("asset-import-report");
        report.addColumn(AssetImport.Row::line)
                .setHeader(getTranslation("assets.import.line"))
                .setAutoWidth(true);
        report.addColumn(AssetImport.Row::path)
                .setHeader(getTranslation("assets.import.path"))
                .setFlexGrow(3);
        report.addColumn(row -> row.messageKey() == null
                        ? getTranslation("assets.import." + row.outcome().name().toLowerCase(java.util.Locale.ROOT))
                        : getTranslation(row.messageKey(), row.subject()))
                .setHeader(getTranslation("assets.import.result"))
                .setFlexGrow(3);
        report.setHeight("20rem");
        report.setVisible(false);
        var panel = new VerticalLayout(
                new H3(getTranslation("assets.import.title")),
                new Paragraph(getTranslation("assets.import.hint")),
                upload,
                reportSummary,
                report);
        panel.setPadding(false);
        return panel;
    }

    private void receive(UploadEvent event) throws IOException {
        byte[] file;
        try (InputStream input = event.getInputStream()) {
            file = input.readNBytes(MAX_IMPORT_BYTES + 1);
        }
        UI ui = event.getUI();
        if (file.length > MAX_IMPORT_BYTES) {
            ui.access(() -> show(null));
            return;
        }
        try {
            AssetImport.Report result = importFile(file);
            ui.access(() -> show(result));
        } catch (RuntimeException failure) {
            log.warn("Importing assets failed", failure);
            ui.access(() -> reportSummary.setText(getTranslation("assets.import.failed")));
        }
    }

    /** Imports the file's rows; runs on the upload's request thread, signed in as the admin. */
    AssetImport.Report importFile(byte[] file) throws IOException {
        try (var reader = new InputStreamReader(new ByteArrayInputStream(file), StandardCharsets.UTF_8)) {
            return importer.importCsv(reader);
        }
    }

    /** Shows an import's report (null: the file was too large) and the tree with what it added. */
    void show(AssetImport.@Nullable Report result) {
        if (result == null) {
            reportSummary.setText(getTranslation("assets.import.rejected"));
            report.setVisible(false);
            return;
        }
        reportSummary.setText(getTranslation(
                "assets.import.summary",
                result.count(AssetImport.Outcome.ADDED),
                result.count(AssetImport.Outcome.EXISTED),
                result.count(AssetImport.Outcome.REFUSED)));
        report.setItems(result.rows());
        report.setVisible(true);
        reload(null);
    }
}
