package io.thingseeportal.simulator;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any other path under the base path is answered in the simulator's error shape instead of reaching Vaadin or Spring's
 * error page. More specific mappings always win over this one.
 */
@RestController
@ConditionalOnSimulator
class UnknownPathController {

    @RequestMapping("/**")
    void unknown() {
        throw SimulatorException.notFound("Not Found");
    }
}
