package io.thingseeportal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Keeps one line per benchmark in docs/benchmarks.md, replacing that benchmark's earlier line. */
public final class BenchmarkReport {

    private BenchmarkReport() {}

    public static void record(Path file, String id, String name, String figure, String verdict) throws IOException {
        String marker = "<!-- " + id + " -->";
        String line = "| " + name + " | " + figure + " | " + verdict + " | " + LocalDate.now() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + Runtime.version().feature() + " | "
                + marker;
        List<String> lines = Files.exists(file) ? new ArrayList<>(Files.readAllLines(file)) : new ArrayList<>();
        int existing = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith(marker)) {
                existing = i;
            }
        }
        if (existing >= 0) {
            lines.set(existing, line);
        } else {
            lines.add(line);
        }
        Files.write(file, lines);
    }
}
