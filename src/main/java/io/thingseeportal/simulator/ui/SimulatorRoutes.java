package io.thingseeportal.simulator.ui;

import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import io.thingseeportal.simulator.ConditionalOnSimulator;
import org.springframework.stereotype.Component;

/**
 * Adds the simulator's pages to the router. Vaadin registers every {@code @Route} at startup; these are marked
 * {@code registerAtStartup = false}, and this bean exists only while the simulator is enabled, so that production
 * has no such page and no menu entry for it.
 */
@Component
@ConditionalOnSimulator
class SimulatorRoutes implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        var registry = ApplicationRouteRegistry.getInstance(event.getSource().getContext());
        var routes = RouteConfiguration.forRegistry(registry);
        if (!routes.isRouteRegistered(DeviceLabelsView.class)) {
            routes.setAnnotatedRoute(DeviceLabelsView.class);
        }
    }
}
