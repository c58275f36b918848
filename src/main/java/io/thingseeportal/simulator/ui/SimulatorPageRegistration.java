package io.thingseeportal.simulator.ui;

import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import io.thingseeportal.simulator.ConditionalOnSimulator;
import org.springframework.stereotype.Component;

/**
 * Adds the simulator's page to the routes when Vaadin starts, and only when the simulator is enabled: its
 * {@code @Route} is not registered at startup, so without this bean (production) the page does not exist at all.
 */
@Component
@ConditionalOnSimulator
class SimulatorPageRegistration implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        var routes = RouteConfiguration.forRegistry(
                ApplicationRouteRegistry.getInstance(event.getSource().getContext()));
        if (!routes.isRouteRegistered(SimulatorFaultsView.class)) {
            routes.setAnnotatedRoute(SimulatorFaultsView.class);
        }
    }
}
