package io.thingseeportal.installation.ui;

import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.thingseeportal.device.ProductType;
import java.util.Locale;
import java.util.Optional;

/** An icon for each product, so that an installer sees at a glance which kind of sensor was read. */
final class ProductIcons {

    private ProductIcons() {}

    /** The product's icon, titled with its name; a generic one for a device of no known product. */
    static Icon of(Optional<ProductType> product) {
        Icon icon = product.map(ProductIcons::icon)
                .orElse(VaadinIcon.QUESTION_CIRCLE_O)
                .create();
        icon.addClassName("product-icon");
        product.ifPresent(type -> {
            icon.addClassName(
                    "product-icon--" + type.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            icon.getElement().setAttribute("title", type.productName());
        });
        icon.getElement().setAttribute("aria-hidden", "true");
        return icon;
    }

    private static VaadinIcon icon(ProductType type) {
        return switch (type) {
            case GATEWAY, GATEWAY_LAN -> VaadinIcon.SIGNAL;
            case ENVIRONMENT, ENVIRONMENT_RUGGED -> VaadinIcon.SUN_O;
            case PRESENCE -> VaadinIcon.MALE;
            case DISTANCE, BEAM -> VaadinIcon.ARROWS_LONG_H;
            case ANGLE -> VaadinIcon.LEVEL_UP;
            case AIR -> VaadinIcon.CLOUD;
            case LEAKAGE -> VaadinIcon.DROP;
            case COUNT -> VaadinIcon.USERS;
            case ACTIVITY -> VaadinIcon.AUTOMATION;
            case LOOLIGHT -> VaadinIcon.LIGHTBULB;
        };
    }
}
