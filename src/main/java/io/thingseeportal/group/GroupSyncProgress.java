package io.thingseeportal.group;

/** How far a running sync is: {@code done} of {@code total} steps (Thingsee calls, then storing). */
public record GroupSyncProgress(int done, int total) {

    public double fraction() {
        return total == 0 ? 0 : (double) done / total;
    }
}
