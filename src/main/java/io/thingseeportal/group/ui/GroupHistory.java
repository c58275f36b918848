package io.thingseeportal.group.ui;

import com.vaadin.flow.component.grid.Grid;
import io.thingseeportal.group.GroupChange;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Who changed the group, when and what, newest first. */
class GroupHistory extends Grid<GroupChange> {

    /** The details of moved and removed devices: "12: prfi00office → prfi00lab". */
    private static final Pattern MOVED = Pattern.compile("(\\d+): (\\S+) → (\\S+)");

    GroupHistory() {
        setId("group-history");
        var when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        addColumn(change -> when.format(change.changedAt()))
                .setHeader(getTranslation("group.history.when"))
                .setAutoWidth(true);
        addColumn(GroupChange::changedBy)
                .setHeader(getTranslation("group.history.who"))
                .setAutoWidth(true);
        addColumn(this::describe).setHeader(getTranslation("group.history.what"));
        setHeight("20rem");
    }

    void show(List<GroupChange> changes) {
        setItems(changes);
    }

    private String describe(GroupChange change) {
        String key =
                "group.history." + change.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
        String details = change.details() == null ? "" : change.details();
        Matcher moved = MOVED.matcher(details);
        return moved.matches()
                ? getTranslation(key, moved.group(1), moved.group(2), moved.group(3))
                : getTranslation(key, details);
    }
}
