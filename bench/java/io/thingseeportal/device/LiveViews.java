package io.thingseeportal.device;

import org.springframework.context.ApplicationContext;

/** For benchmarks: how many live views (device pages, lists, start pages) are subscribed to device changes now. */
public final class LiveViews {

    private LiveViews() {}

    public static int subscriptions(ApplicationContext portal) {
        return portal.getBean(DeviceUpdates.class).subscriptionCount();
    }
}
