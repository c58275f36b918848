package io.thingseeportal.installation.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.thingseeportal.device.ProductType;
import io.thingseeportal.device.ui.RelativeTime;
import io.thingseeportal.installation.WorkOrder;
import io.thingseeportal.installation.WorkOrderService;
import io.thingseeportal.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * The installer's own work: installations in progress (each resumes where it stopped, on this phone or another) and
 * those done today.
 */
@Route("my-work")
@Menu(order = 6, icon = "vaadin:clipboard-check", title = "menu.my-work")
@RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
class MyWorkView extends Composite<VerticalLayout> implements HasDynamicTitle {

    MyWorkView(WorkOrderService orders) {
        List<WorkOrder> mine = orders.myWork(ZoneId.systemDefault());
        var content = getContent();
        content.addClassName("my-work-view");
        content.setAlignItems(VerticalLayout.Alignment.STRETCH);
        content.add(new H2(getTranslation("my-work.title")));
        List<WorkOrder> open =
                mine.stream().filter(order -> order.step().isOpen()).toList();
        List<WorkOrder> done =
                mine.stream().filter(order -> !order.step().isOpen()).toList();
        if (mine.isEmpty()) {
            var empty = new Paragraph(getTranslation("my-work.empty"));
            empty.setId("my-work-empty");
            content.add(empty);
        }
        section("my-work-open", "my-work.open", open);
        section("my-work-today", "my-work.today", done);
        content.add(WorkOrderParts.primary(
                "my-work-scan", "my-work.scan", button -> button.getUI().ifPresent(ui -> ui.navigate("scan"))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("my-work.title");
    }

    private void section(String id, String key, List<WorkOrder> orders) {
        if (orders.isEmpty()) {
            return;
        }
        var list = new Div();
        list.setId(id);
        list.addClassName("work-cards");
        orders.forEach(order -> list.add(card(order)));
        getContent().add(new H3(getTranslation(key)), list);
    }

    private RouterLink card(WorkOrder order) {
        var time = new RelativeTime(this, getLocale());
        var product = new Span(order.product()
                .map(ProductType::productName)
                .orElseGet(() -> getTranslation(
                        "scan.sensor.unknown-product", order.tuid().substring(0, 6))));
        product.addClassName("work-card-product");
        var tuid = new Span(order.tuid());
        tuid.addClassName("work-card-tuid");
        var step = new Span(getTranslation("work.step." + order.step().name().toLowerCase(Locale.ROOT)) + " · "
                + time.ago(order.updatedAt(), Instant.now()));
        step.addClassName("work-card-step");
        var card = new RouterLink("", WorkOrderView.class, order.id());
        card.addClassName("work-card");
        card.getElement().setAttribute("data-tuid", order.tuid());
        card.add(product, tuid, step);
        if (order.asset() != null) {
            var asset = new Span(order.asset());
            asset.addClassName("work-card-asset");
            card.add(asset);
        }
        if (order.failure() != null) {
            card.addClassName("work-card--failed");
        }
        return card;
    }
}
