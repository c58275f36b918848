package io.thingseeportal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Further arguments for a browser test class's running demo ({@link RunningDemo#start}). Classes with the same
 * arguments share one demo ({@link SharedDemos}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
public @interface DemoArguments {
    String[] value();
}
