package io.thingseeportal.installation.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.thingseeportal.installation.HistoryFilter;
import io.thingseeportal.installation.InstallationEvent;
import io.thingseeportal.installation.InstallationHistory;
import io.thingseeportal.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import java.util.Objects;

/**
 * The installation history, for admins and viewers: who installed, replaced, uninstalled, quarantined or retired which
 * device, where and when, the newest first; filtered by installer, site and days, and exported as CSV with the same
 * filter.
 */
@Route("installations")
@Menu(order = 7, icon = "vaadin:clock", title = "menu.history")
@RolesAllowed({AppRoles.ADMIN, AppRoles.VIEWER})
class InstallationHistoryView extends Composite<VerticalLayout> implements HasDynamicTitle {

    private final InstallationHistory history;
    private final ZoneId zone = ZoneId.systemDefault();
    private final ComboBox<String> installer = new ComboBox<>();
    private final ComboBox<String> site = new ComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Grid<InstallationEvent> grid = new Grid<>();

    InstallationHistoryView(InstallationHistory history) {
        this.history = history;
        Map<String, String> people = history.people();
        installer.setLabel(getTranslation("history.installer"));
        installer.setId("history-installer");
        installer.setItems(people.keySet());
        installer.setItemLabelGenerator(subject -> Objects.requireNonNullElse(people.get(subject), subject));
        installer.setClearButtonVisible(true);
        site.setLabel(getTranslation("history.site"));
        site.setId("history-site");
        site.setItems(history.sites());
        site.setClearButtonVisible(true);
        from.setLabel(getTranslation("history.from"));
        from.setId("history-from");
        from.setClearButtonVisible(true);
        to.setLabel(getTranslation("history.to"));
        to.setId("history-to");
        to.setClearButtonVisible(true);
        installer.addValueChangeListener(event -> refresh());
        site.addValueChangeListener(event -> refresh());
        from.addValueChangeListener(event -> refresh());
        to.addValueChangeListener(event -> refresh());

        var time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(getLocale())
                .withZone(zone);
        grid.setId("history-grid");
        grid.addColumn(event -> time.format(event.doneAt())).setHeader(getTranslation("history.time"));
        grid.addColumn(InstallationEvent::tuid).setHeader(getTranslation("history.device"));
        grid.addColumn(event -> getTranslation(event.action().messageKey())
                        + (event.replacedTuid() == null ? "" : " " + event.replacedTuid()))
                .setHeader(getTranslation("history.action"));
        grid.addColumn(InstallationEvent::assetPath).setHeader(getTranslation("history.place"));
        grid.addColumn(InstallationEvent::groupId).setHeader(getTranslation("history.group"));
        grid.addColumn(InstallationEvent::doneByName).setHeader(getTranslation("history.by"));
        grid.getColumns().forEach(column -> column.setAutoWidth(true).setResizable(true));
        grid.setItems(query -> history.find(filter(), query.getOffset(), query.getLimit()).stream(), query ->
                (int) Math.min(Integer.MAX_VALUE, history.count(filter())));

        var export = new Anchor((DownloadHandler) this::export, AttachmentType.DOWNLOAD, "");
        export.setId("history-export");
        export.add(VaadinIcon.DOWNLOAD.create(), new Span(getTranslation("history.export")));

        var filters = new HorizontalLayout(installer, site, from, to, export);
        filters.setWrap(true);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        var content = getContent();
        content.setSizeFull();
        content.add(new H2(getTranslation("history.title")), filters, grid);
        content.setFlexGrow(1, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("history.title");
    }

    HistoryFilter filter() {
        return new HistoryFilter(installer.getValue(), site.getValue(), from.getValue(), to.getValue(), zone);
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private void export(DownloadEvent event) throws IOException {
        event.setFileName("installations.csv");
        event.setContentType("text/csv; charset=utf-8");
        try (Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
            history.exportCsv(filter(), out);
        }
    }
}
