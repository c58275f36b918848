package io.thingseeportal.bench;

import io.thingseeportal.bench.EchoPublisher.Published;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * When matched echoes never showed on their pages, what each page received and what the portal's threads were doing
 * right after the round, in {@code target/echo-stall-<marker>.txt}: the figures say that pages stopped following,
 * this says where to look.
 */
final class StallReport {

    private StallReport() {}

    /** @param stalled the round's watched echoes that were matched and never shown */
    static void write(List<Published> stalled, Map<Integer, EchoPages.Log> logs, int marker) {
        long now = System.currentTimeMillis();
        var report = new StringBuilder();
        logs.forEach((page, log) -> {
            long[] frames = log.frames();
            long unshown =
                    stalled.stream().filter(echo -> echo.device() == page).count();
            report.append("page ")
                    .append(page)
                    .append(": ")
                    .append(unshown)
                    .append(" matched echoes never shown, ")
                    .append(frames.length)
                    .append(" push messages this round, the last ")
                    .append(frames.length == 0 ? "-" : (now - frames[frames.length - 1]) + " ms ago")
                    .append(", ")
                    .append(log.rows().size())
                    .append(" changes of its grid\n");
        });
        report.append("\n");
        for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            report.append(thread.getThreadName())
                    .append(' ')
                    .append(thread.getThreadState())
                    .append(thread.getLockOwnerName() == null ? "" : " waiting for " + thread.getLockOwnerName())
                    .append('\n')
                    .append(Arrays.stream(thread.getStackTrace())
                            .limit(40)
                            .map(frame -> "    at " + frame)
                            .collect(Collectors.joining("\n")))
                    .append("\n\n");
        }
        Path file = Path.of("target", "echo-stall-" + marker + ".txt");
        try {
            Files.writeString(file, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(stalled.size() + " matched echoes never shown; the pages and the threads: " + file);
    }
}
