package io.thingseeportal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The running demo of the browser test classes, shared by consecutive classes of the same {@link DemoArguments}:
 * starting one takes about half a minute, and the classes leave what they add in names of their own. Only one runs at a
 * time (two embedded brokers in one JVM disturb each other): a class with other arguments stops it and starts its own.
 * The last one stops when the run ends. Failsafe runs the classes in alphabetical order, so that the few classes with
 * arguments of their own come one after the other. Each class finds its demo in {@link DemoBrowserTest#demo}.
 */
final class SharedDemos implements BeforeAllCallback {

    private static @Nullable List<String> runningArguments;
    private static @Nullable RunningDemo running;

    @Override
    public void beforeAll(ExtensionContext context) {
        DemoArguments annotation = context.getRequiredTestClass().getAnnotation(DemoArguments.class);
        List<String> arguments = annotation == null ? List.of() : List.of(annotation.value());
        DemoBrowserTest.demo = demo(context, arguments);
    }

    private static synchronized RunningDemo demo(ExtensionContext context, List<String> arguments) {
        if (running != null && arguments.equals(runningArguments)) {
            return running;
        }
        stop();
        running = RunningDemo.start(arguments.toArray(String[]::new));
        runningArguments = arguments;
        context.getRoot()
                .getStore(ExtensionContext.Namespace.create(SharedDemos.class))
                .getOrComputeIfAbsent("stop at the end", key -> new StopAtTheEnd(), StopAtTheEnd.class);
        return running;
    }

    private static synchronized void stop() {
        if (running != null) {
            running.close();
            running = null;
            runningArguments = null;
        }
    }

    /** Closed by JUnit when the run's root context closes, after the last test. */
    private static final class StopAtTheEnd implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            stop();
        }
    }
}
