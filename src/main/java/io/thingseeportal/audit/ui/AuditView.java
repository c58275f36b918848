package io.thingseeportal.audit.ui;

import com.vaadin.flow.component.Composite;
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
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.thingseeportal.audit.AuditAction;
import io.thingseeportal.audit.AuditEntry;
import io.thingseeportal.audit.AuditFilter;
import io.thingseeportal.audit.AuditLog;
import io.thingseeportal.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The audit log: who did what, when and from where, the newest first, paged in the database; filtered by what, who,
 * what it concerns, days and (for operators, who see every tenant's) tenant; exported as CSV with the same filter.
 */
@Route("audit")
@Menu(order = 88, icon = "vaadin:file-text-o", title = "menu.audit")
@RolesAllowed({AppRoles.ADMIN, AppRoles.OPERATOR})
class AuditView extends Composite<VerticalLayout> implements HasDynamicTitle {

    private final AuditLog audit;
    private final ZoneId zone = ZoneId.systemDefault();
    private final Select<@Nullable AuditAction> action = new Select<>();
    private final TextField person = new TextField();
    private final TextField subject = new TextField();
    private final TextField tenant = new TextField();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Grid<AuditEntry> grid = new Grid<>();

    AuditView(AuditLog audit) {
        this.audit = audit;
        boolean allTenants = audit.seesAllTenants();
        action.setId("audit-action");
        action.setLabel(getTranslation("audit.filter.action"));
        action.setEmptySelectionAllowed(true);
        action.setEmptySelectionCaption(getTranslation("audit.filter.any"));
        action.setItems(AuditAction.values());
        action.setItemLabelGenerator(value -> value == null ? getTranslation("audit.filter.any") : label(value));
        text(person, "audit-person", "audit.filter.person");
        text(subject, "audit-subject", "audit.filter.subject");
        text(tenant, "audit-tenant", "audit.filter.tenant");
        tenant.setVisible(allTenants);
        from.setId("audit-from");
        from.setLabel(getTranslation("audit.filter.from"));
        from.setClearButtonVisible(true);
        to.setId("audit-to");
        to.setLabel(getTranslation("audit.filter.to"));
        to.setClearButtonVisible(true);
        action.addValueChangeListener(event -> refresh());
        from.addValueChangeListener(event -> refresh());
        to.addValueChangeListener(event -> refresh());

        var time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM)
                .withLocale(getLocale())
                .withZone(zone);
        grid.setId("audit-grid");
        grid.addColumn(entry -> time.format(entry.occurredAt())).setHeader(getTranslation("audit.time"));
        if (allTenants) {
            grid.addColumn(entry -> Objects.requireNonNullElse(entry.tenantSlug(), "–"))
                    .setHeader(getTranslation("audit.tenant"));
        }
        grid.addColumn(entry -> entry.actorName() + (entry.actorRole() == null ? "" : " (" + entry.actorRole() + ")"))
                .setHeader(getTranslation("audit.who"));
        grid.addColumn(entry -> label(entry.action())).setHeader(getTranslation("audit.what"));
        grid.addColumn(AuditEntry::subject).setHeader(getTranslation("audit.subject"));
        grid.addColumn(AuditEntry::details).setHeader(getTranslation("audit.details"));
        grid.addColumn(entry -> Objects.requireNonNullElse(entry.sourceAddress(), "–"))
                .setHeader(getTranslation("audit.from"));
        grid.getColumns().forEach(column -> column.setAutoWidth(true).setResizable(true));
        grid.setItems(query -> audit.find(filter(), query.getOffset(), query.getLimit()).stream(), query ->
                (int) Math.min(Integer.MAX_VALUE, audit.count(filter())));

        var export = new Anchor((DownloadHandler) this::export, AttachmentType.DOWNLOAD, "");
        export.setId("audit-export");
        export.add(VaadinIcon.DOWNLOAD.create(), new Span(getTranslation("audit.export")));

        var filters = new HorizontalLayout(action, person, subject, tenant, from, to, export);
        filters.setWrap(true);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        var content = getContent();
        content.setSizeFull();
        content.add(new H2(getTranslation("audit.title")), filters, grid);
        content.setFlexGrow(1, grid);
    }

    private void text(TextField field, String id, String label) {
        field.setId(id);
        field.setLabel(getTranslation(label));
        field.setClearButtonVisible(true);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.addValueChangeListener(event -> refresh());
    }

    private String label(AuditAction value) {
        return getTranslation(value.messageKey());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title");
    }

    AuditFilter filter() {
        return new AuditFilter(
                action.getValue(),
                blankToNull(person.getValue()),
                blankToNull(subject.getValue()),
                tenant.isVisible() ? blankToNull(tenant.getValue()) : null,
                from.getValue(),
                to.getValue(),
                zone);
    }

    private static @Nullable String blankToNull(String text) {
        return text.isBlank() ? null : text.strip();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private void export(DownloadEvent event) throws IOException {
        event.setFileName("audit.csv");
        event.setContentType("text/csv; charset=utf-8");
        try (Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
            audit.exportCsv(filter(), out);
        }
    }
}
