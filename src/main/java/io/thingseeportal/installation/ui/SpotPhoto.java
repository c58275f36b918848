package io.thingseeportal.installation.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import io.thingseeportal.installation.UnreadableImageException;
import io.thingseeportal.installation.WorkOrder;
import io.thingseeportal.installation.WorkOrderPlaces;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An optional photo of the mounting spot, from the phone's camera: kept with the work order (made small on the server)
 * and shown as a thumbnail; a file that is not an image, or too large, is said in words.
 */
class SpotPhoto extends Composite<VerticalLayout> {

    private static final Logger log = LoggerFactory.getLogger(SpotPhoto.class);

    private final long workOrderId;
    private final WorkOrderPlaces places;
    private final long maxBytes;
    private final Upload upload = new Upload((UploadHandler) this::receive);
    private final Paragraph said = new Paragraph();
    private final Image thumbnail = new Image();

    SpotPhoto(WorkOrder order, WorkOrderPlaces places, long maxBytes) {
        this.workOrderId = order.id();
        this.places = places;
        this.maxBytes = maxBytes;
        upload.setId("work-photo");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes("image/*");
        upload.setDropAllowed(false);
        var button = new Button(getTranslation("work.photo"), VaadinIcon.CAMERA.create());
        button.setWidthFull();
        upload.setUploadButton(button);
        upload.getElement().setProperty("capture", "environment");
        upload.addFileRejectedListener(event -> said.setText(getTranslation("image.problem.not-an-image")));
        said.setId("work-photo-text");
        thumbnail.setId("work-photo-thumbnail");
        thumbnail.setAlt(getTranslation("work.photo"));
        thumbnail.addClassName("work-photo-thumbnail");
        thumbnail.setVisible(false);
        if (order.hasPhoto()) {
            showThumbnail();
        }
        var content = getContent();
        content.setPadding(false);
        content.setSpacing(false);
        content.setAlignItems(VerticalLayout.Alignment.STRETCH);
        content.add(upload, said, thumbnail);
    }

    /** Runs on the upload's request thread, signed in as the installer; the view hears of it through ui.access. */
    private void receive(UploadEvent event) throws IOException {
        byte[] photo;
        try (InputStream input = event.getInputStream()) {
            photo = input.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        UI ui = event.getUI();
        try {
            places.addPhoto(workOrderId, photo);
            ui.access(() -> {
                upload.clearFileList();
                showThumbnail();
            });
        } catch (UnreadableImageException unreadable) {
            ui.access(() -> {
                upload.clearFileList();
                said.setText(getTranslation(unreadable.messageKey(), (Object[]) unreadable.arguments()));
            });
        } catch (RuntimeException failure) {
            log.warn("Keeping the photo of work order {} failed", workOrderId, failure);
            ui.access(() -> {
                upload.clearFileList();
                said.setText(getTranslation("work.failure.unexpected"));
            });
        }
    }

    private void showThumbnail() {
        said.setText(getTranslation("work.photo.added"));
        thumbnail.setSrc(DownloadHandler.fromInputStream(request -> places.photo(workOrderId)
                .map(jpeg ->
                        new DownloadResponse(new ByteArrayInputStream(jpeg), "spot.jpg", "image/jpeg", jpeg.length))
                .orElseGet(() -> DownloadResponse.error(404))));
        thumbnail.setVisible(true);
    }
}
