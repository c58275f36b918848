package io.thingseeportal.group.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.thingseeportal.group.GroupId;
import io.thingseeportal.group.GroupListItem;
import io.thingseeportal.group.GroupListSort;
import io.thingseeportal.group.GroupService;
import io.thingseeportal.group.GroupSyncService;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/**
 * The tenant's deployment groups: searched, sorted and paged in the database. Admins create groups and sync them with
 * Thingsee from here; viewers only read.
 */
@Route("groups")
@Menu(order = 20, icon = "vaadin:cluster", title = "menu.groups")
@RolesAllowed({AppRoles.ADMIN, AppRoles.VIEWER})
class GroupListView extends Composite<VerticalLayout> implements HasDynamicTitle {

    static final String NEW_GROUP_ROUTE = "groups/new";
    static final String GROUP_ROUTE = "groups/";

    private final GroupService groups;
    private final boolean admin;
    private final TextField search = new TextField();
    private final Grid<GroupListItem> grid = new Grid<>();

    GroupListView(GroupService groups, GroupSyncService sync, CurrentUser currentUser) {
        this.groups = groups;
        this.admin = currentUser.require().hasRole(AppRoles.ADMIN);

        search.setId("group-search");
        search.setAriaLabel(getTranslation("groups.search"));
        search.setPlaceholder(getTranslation("groups.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(change -> refresh());
        var toolbar = new HorizontalLayout(search);
        toolbar.setWidthFull();
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        toolbar.expand(search);
        if (admin) {
            var create = new Button(
                    getTranslation("groups.new"),
                    VaadinIcon.PLUS.create(),
                    click -> UI.getCurrent().navigate(NEW_GROUP_ROUTE));
            create.setId("new-group");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            toolbar.add(create);
        }

        configureGrid();
        var content = getContent();
        content.add(
                new H2(getTranslation("groups.title")), toolbar, new GroupSyncPanel(sync, admin, this::refresh), grid);
        content.setFlexGrow(1, grid);
        content.setSizeFull();
    }

    private void configureGrid() {
        grid.setId("groups");
        Locale locale = getLocale();
        NumberFormat count = NumberFormat.getIntegerInstance(locale);
        var dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(ZoneId.systemDefault());
        grid.addColumn(item -> item.id().value())
                .setKey("id")
                .setHeader(getTranslation("groups.column.id"))
                .setSortProperty(GroupListSort.Column.ID.name())
                .setAutoWidth(true);
        grid.addColumn(item -> item.description() == null ? "" : item.description())
                .setKey("description")
                .setHeader(getTranslation("groups.column.description"))
                .setSortProperty(GroupListSort.Column.DESCRIPTION.name())
                .setFlexGrow(2);
        grid.addColumn(item -> getTranslation(item.environment().nameKey()))
                .setKey("environment")
                .setHeader(getTranslation("groups.column.environment"))
                .setSortProperty(GroupListSort.Column.ENVIRONMENT.name());
        grid.addColumn(item -> country(item.country(), locale))
                .setKey("country")
                .setHeader(getTranslation("groups.column.country"))
                .setSortProperty(GroupListSort.Column.COUNTRY.name());
        grid.addColumn(item -> count.format(item.deviceCount()))
                .setKey("devices")
                .setHeader(getTranslation("groups.column.devices"))
                .setSortProperty(GroupListSort.Column.DEVICE_COUNT.name())
                .setTextAlign(ColumnTextAlign.END);
        var lastActivity = grid.addColumn(item -> dateTime.format(item.lastActivityAt()))
                .setKey("last-activity")
                .setHeader(getTranslation("groups.column.last-activity"))
                .setSortProperty(GroupListSort.Column.LAST_ACTIVITY.name())
                .setAutoWidth(true);
        grid.setItems(
                query ->
                        groups
                                .list(
                                        search.getValue(),
                                        sort(query.getSortOrders()),
                                        query.getOffset(),
                                        query.getLimit())
                                .stream(),
                query -> (int) groups.count(search.getValue()));
        grid.sort(GridSortOrder.desc(lastActivity).build());
        grid.addItemClickListener(click ->
                UI.getCurrent().navigate(GROUP_ROUTE + click.getItem().id().value()));
        grid.addClassName("clickable-rows");
        grid.setEmptyStateText(emptyText());
    }

    private void refresh() {
        grid.setEmptyStateText(emptyText());
        grid.getDataProvider().refreshAll();
    }

    private String emptyText() {
        if (!search.getValue().isBlank()) {
            return getTranslation("groups.empty.search", search.getValue().strip());
        }
        return getTranslation(admin ? "groups.empty.admin" : "groups.empty.viewer");
    }

    /** The grid sorts by one column at a time; none means the default. */
    private static GroupListSort sort(List<QuerySortOrder> orders) {
        return orders.stream()
                .findFirst()
                .map(order -> new GroupListSort(
                        GroupListSort.Column.valueOf(order.getSorted()),
                        order.getDirection() == SortDirection.ASCENDING))
                .orElse(GroupListSort.DEFAULT);
    }

    private String country(String code, Locale locale) {
        return GroupId.NO_COUNTRY.equals(code)
                ? getTranslation("groups.country.none")
                : new Locale("", code.toUpperCase(Locale.ROOT)).getDisplayCountry(locale);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("groups.title");
    }
}
