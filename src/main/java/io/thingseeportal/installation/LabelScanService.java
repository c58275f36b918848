package io.thingseeportal.installation;

import io.thingseeportal.security.AppRoles;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
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
 * for a decoder (up to a few seconds), since the installer took it on purpose; photos are decoded one at a time, with
 * at most two more waiting.
 */
@Service
public class LabelScanService {

    private static final int FRAME_LONGEST_SIDE = QrDecoder.LONGEST_SIDE;
    private static final int PHOTO_WAIT_SECONDS = 10;
    private static final int PHOTOS_WAITING = 2;

    private final QrDecoder frameDecoder;
    private final QrDecoder photoDecoder;
    private final ImageReading frames;
    private final ImageReading photos;
    private final Semaphore decoders;
    private final ExecutorService frameWorkers;
    private final ExecutorService photoWorker;
    private final DataSize photoMaxSize;

    LabelScanService(ScanProperties properties) {
        int atOnce = properties.decodersAtOnce();
        this.frameDecoder = new QrDecoder(properties.decodeTimeLimit());
        this.photoDecoder = new QrDecoder(properties.photoDecodeTimeLimit());
        this.frames =
                new ImageReading(properties.frameMaxSize().toBytes(), properties.frameMaxPixels(), FRAME_LONGEST_SIDE);
        this.photos = new ImageReading(
                properties.photoMaxSize().toBytes(), properties.photoMaxPixels(), QrDecoder.LONGEST_SIDE);
        this.photoMaxSize = properties.photoMaxSize();
        // Fair, so that a photo waiting for a decoder gets the next one and frames do not keep taking it first.
        this.decoders = new Semaphore(atOnce, true);
        // As many frame threads as decoders: a frame holds its decoder from before its task is queued, so its task
        // always finds a thread.
        this.frameWorkers = Executors.newFixedThreadPool(atOnce, daemons("label-frame-decoder"));
        // Photos one at a time (each may hold megabytes while decoded), and only a few waiting: beyond them the
        // installer is told to try again instead of the portal's memory filling with uploads.
        this.photoWorker = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(PHOTOS_WAITING),
                daemons("label-photo-decoder"),
                new ThreadPoolExecutor.AbortPolicy());
    }

    /** A camera frame, decoded unless every decoder is busy (or a photo waits for one). */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
    public CompletableFuture<LabelScan> scanFrame(byte[] frame) {
        if (!tryDecoder()) {
            return CompletableFuture.completedFuture(new LabelScan.Dropped());
        }
        try {
            return CompletableFuture.supplyAsync(() -> decodeHolding(frames, frameDecoder, frame), frameWorkers);
        } catch (RuntimeException e) {
            decoders.release();
            throw e;
        }
    }

    /**
     * A photo taken or uploaded on purpose: it waits for a decoder, behind at most a few other photos; beyond them,
     * or after waiting too long, it is {@link LabelScan.Dropped} (busy).
     */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
    public CompletableFuture<LabelScan> scanPhoto(byte[] photo) {
        try {
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
                        return decodeHolding(photos, photoDecoder, photo);
                    },
                    photoWorker);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(new LabelScan.Dropped());
        }
    }

    /** A decoder now if one is free and no photo waits for one (a plain tryAcquire would jump the queue). */
    private boolean tryDecoder() {
        try {
            return decoders.tryAcquire(0, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static ThreadFactory daemons(String name) {
        var threads = new AtomicInteger();
        return runnable -> {
            var thread = new Thread(runnable, name + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The largest photo read: an upload may stop reading beyond it. A setting, open to all (read at start too). */
    @PermitAll
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
    private LabelScan decodeHolding(ImageReading reading, QrDecoder decoder, byte[] bytes) {
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
        frameWorkers.shutdownNow();
        photoWorker.shutdownNow();
    }
}
