package io.thingseeportal.simulator;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON file per simulated stack ({@code <directory>/<stack>.json}), apart from the portal's database. A file is
 * replaced atomically, so a crash leaves the previous snapshot or the new one, never half of one. A file that cannot
 * be read is moved aside to {@code <stack>.json.corrupt} and reported, and the stack starts from a fresh fleet: the
 * demo keeps running, and the broken file stays for a look.
 */
final class SnapshotFiles {

    private static final Logger log = LoggerFactory.getLogger(SnapshotFiles.class);

    // Our own mapper: the file format must not change with the portal's spring.jackson settings.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .visibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
            .build();

    private final Path directory;

    SnapshotFiles(Path directory) {
        this.directory = directory;
    }

    Path file(String stack) {
        return directory.resolve(stack + ".json");
    }

    /** The stack's saved state; empty when there is none or it could not be read. */
    Optional<StackSnapshot> load(String stack) {
        Path file = file(stack);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode tree = JSON.readTree(file.toFile());
            int format = tree.path("format").asInt(-1);
            if (format != StackSnapshot.FORMAT) {
                throw new IOException("format " + format + ", expected " + StackSnapshot.FORMAT);
            }
            StackSnapshot snapshot = JSON.treeToValue(tree, StackSnapshot.class);
            log.info("Simulated stack {} loaded from {}", stack, file);
            return Optional.of(snapshot);
        } catch (IOException | RuntimeException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt");
            moveAside(file, aside);
            log.warn(
                    "Simulated stack {}: snapshot {} is unreadable ({}); moved to {}, starting from a fresh fleet",
                    stack,
                    file,
                    e.getMessage(),
                    aside);
            return Optional.empty();
        }
    }

    void save(String stack, StackSnapshot snapshot) throws IOException {
        Files.createDirectories(directory);
        Path temp = Files.createTempFile(directory, stack + "-", ".json.tmp");
        try {
            JSON.writeValue(temp.toFile(), snapshot);
            try {
                Files.move(temp, file(stack), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file(stack), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    void delete(String stack) {
        try {
            Files.deleteIfExists(file(stack));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void moveAside(Path file, Path aside) {
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            log.warn("Could not move {} aside: {}", file, e.getMessage());
        }
    }
}
