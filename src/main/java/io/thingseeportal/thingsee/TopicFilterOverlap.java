package io.thingseeportal.thingsee;

/**
 * Whether two MQTT topic filters can match the same topic ({@code +} one level, {@code #} the rest). On a broker
 * that carries several tenants, two tenants' filters must not: a message belongs to the tenant whose connection
 * received it, so an overlap would hand one tenant's devices to another.
 */
final class TopicFilterOverlap {

    private TopicFilterOverlap() {}

    static boolean overlap(String first, String second) {
        String[] a = first.split("/", -1);
        String[] b = second.split("/", -1);
        for (int level = 0; level < Math.max(a.length, b.length); level++) {
            if (level >= a.length || level >= b.length) {
                // One ran out: they meet only if the other goes on with "#" (which also matches the parent level).
                String[] longer = a.length > b.length ? a : b;
                return longer.length == level + 1 && longer[level].equals("#");
            }
            if (a[level].equals("#") || b[level].equals("#")) {
                return true;
            }
            if (!a[level].equals("+") && !b[level].equals("+") && !a[level].equals(b[level])) {
                return false;
            }
        }
        return true;
    }
}
