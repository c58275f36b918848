package io.thingseeportal.simulator;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** Only when {@code portal.simulator.enabled=true}: production never serves the simulator. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ConditionalOnProperty(name = "portal.simulator.enabled", havingValue = "true")
public @interface ConditionalOnSimulator {}
