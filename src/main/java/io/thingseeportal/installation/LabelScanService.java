package io.thingseeportal.installation;

import io.thingseeportal.security.AppRoles;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/**
 * Reads sensor labels for the installer: camera frames and photos are decoded on threads of their own, never on the
 * caller's (a view's UI thread), at most {@link ScanProperties#decodersAtOnce()} at a time; text that the phone decoded
 * by itself, or that the installer typed, is checked the same way.
 *
 * <p>A camera frame that finds every decoder busy is dropped at once, since the next frame is on its way. A photo waits
 * for a decoder (up to a few seconds), since the installer took it on purpose.
 */
@Service
public class LabelScanService {

    private static final int FRAME_LONGEST_SIDE = QrDecoder.LONGEST_SIDE;
    private static final int PHOTO_WAIT_SECONDS = 10;

    private final QrDecoder decoder;
    private final ImageReading frames;
    private final ImageReading photos;
    private final Semaphore decoders;
    private final ExecutorService workers;
    private final DataSize photoMaxSize;

    LabelScanService(ScanProperties properties) {
        this.decoder = new QrDecoder(properties.decodeTimeLimit());
        this.frames =
                new ImageReading(properties.frameMaxSize().toBytes(), properties.frameMaxPixels(), FRAME_LONGEST_SIDE);
        this.photos = new ImageReading(
                properties.photoMaxSize().toBytes(), properties.photoMaxPixels(), QrDecoder.LONGEST_SIDE);
        this.photoMaxSize = properties.photoMaxSize();
        this.decoders = new Semaphore(properties.decodersAtOnce());
        var threads = new AtomicInteger();
        // One thread more than decoders, so that a photo waiting for a decoder never holds up a frame's refusal.
        this.workers = Executors.newFixedThreadPool(properties.decodersAtOnce() + 1, runnable -> {
            var thread = new Thread(runnable, "label-decoder-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A camera frame, decoded unless every decoder is busy. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
    public CompletableFuture<LabelScan> scanFrame(byte[] frame) {
        if (!decoders.tryAcquire()) {
            return CompletableFuture.completedFuture(new LabelScan.Dropped());
        }
        try {
            return CompletableFuture.supplyAsync(() -> decodeHolding(frames, frame), workers);
        } catch (RuntimeException e) {
            decoders.release();
            throw e;
        }
    }

    /** A photo taken or uploaded on purpose: it waits for a decoder. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
    public CompletableFuture<LabelScan> scanPhoto(byte[] photo) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        if (!decoders.tryAcquire(PHOTO_WAIT_SECONDS, TimeUnit.SECONDS)) {
                            return new LabelScan.Dropped();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return new LabelScan.Dropped();
                    }
                    return decodeHolding(photos, photo);
                },
                workers);
    }

    /** The largest photo read: an upload may stop reading beyond it. */
    public DataSize photoMaxSize() {
        return photoMaxSize;
    }

    /** Text from a label: decoded by the phone itself, or typed. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
    public LabelReading resolve(@Nullable String text) {
        return LabelResolver.resolve(text);
    }

    /** A PSN and an IMC typed apart. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
    public LabelReading resolve(@Nullable String psn, @Nullable String imc) {
        return LabelResolver.resolve(psn, imc);
    }

    /** Reads and decodes the image, then gives back the decoder that the caller acquired. */
    private LabelScan decodeHolding(ImageReading reading, byte[] bytes) {
        try {
            ImageReading.Image image = reading.read(bytes);
            Optional<String> text = decoder.decode(image.image());
            return text.<LabelScan>map(found -> new LabelScan.Found(LabelResolver.resolve(found)))
                    .orElseGet(() -> new LabelScan.NoCode(image.damaged()));
        } catch (UnreadableImageException e) {
            return new LabelScan.Unreadable(e);
        } finally {
            decoders.release();
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
