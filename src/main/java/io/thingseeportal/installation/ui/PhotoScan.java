package io.thingseeportal.installation.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import io.thingseeportal.installation.LabelScan;
import io.thingseeportal.installation.LabelScanService;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first fallback: a photo of the label, taken with the phone's camera app or picked from its gallery. The browser
 * refuses a file above the limit before sending it; the server reads no more than the limit either way.
 */
class PhotoScan extends Composite<Upload> {

    private static final Logger log = LoggerFactory.getLogger(PhotoScan.class);

    private final Consumer<CompletableFuture<LabelScan>> answer;
    private final Consumer<String> problem;
    private final LabelScanService scans;
    private final long maxBytes;

    /**
     * @param answer takes each photo's scan, which completes once it is decoded
     * @param problem takes the explanation of a photo refused before it was scanned
     */
    PhotoScan(Consumer<CompletableFuture<LabelScan>> answer, Consumer<String> problem, LabelScanService scans) {
        this.answer = answer;
        this.problem = problem;
        this.scans = scans;
        this.maxBytes = scans.photoMaxSize().toBytes();
    }

    @Override
    protected Upload initContent() {
        var upload = new Upload((UploadHandler) this::receive);
        upload.setId("photo-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
        upload.setAcceptedFileTypes("image/*");
        upload.setDropAllowed(false);
        var button = new Button(getTranslation("scan.photo"), VaadinIcon.CAMERA.create());
        button.setWidthFull();
        upload.setUploadButton(button);
        // Phones offer their camera app first for an input that asks for the rear camera (vaadin-upload passes it on).
        upload.getElement().setProperty("capture", "environment");
        // vaadin-upload rejects in the browser with its own English words; only the kind is taken from them.
        upload.addFileRejectedListener(event -> problem.accept(
                "Incorrect File Type.".equals(event.getErrorMessage())
                        ? getTranslation("image.problem.not-an-image")
                        : tooLarge()));
        return upload;
    }

    private void receive(UploadEvent event) throws IOException {
        log.debug("A photo of {} bytes is arriving", event.getFileSize());
        byte[] photo;
        try (InputStream input = event.getInputStream()) {
            photo = input.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        log.debug("A photo of {} bytes was read", photo.length);
        received(event.getUI(), photo);
    }

    /**
     * A photo's bytes, as far as they were read (at most one byte beyond the limit): scanned, or refused. Runs on the
     * upload's thread, without the session's lock; the view hears of it through {@code ui.access}.
     */
    void received(UI ui, byte[] photo) {
        if (photo.length > maxBytes) {
            ui.access(() -> {
                getContent().clearFileList();
                problem.accept(tooLarge());
            });
            return;
        }
        CompletableFuture<LabelScan> scan;
        try {
            scan = scans.scanPhoto(photo);
        } catch (RuntimeException e) {
            // Said on the page and logged, not left to the upload's error handling, which shows the installer nothing.
            log.warn("A photo of {} bytes could not be handed to the decoder", photo.length, e);
            ui.access(() -> {
                getContent().clearFileList();
                problem.accept(getTranslation("scan.failed"));
            });
            return;
        }
        ui.access(() -> {
            // The next photo needs an empty list: with one file at most, a finished one blocks the button.
            getContent().clearFileList();
            answer.accept(scan);
        });
    }

    private String tooLarge() {
        String limit = String.format(Locale.ROOT, "%.1f MB", maxBytes / 1_000_000.0);
        return getTranslation("scan.photo.too-large", limit);
    }
}
