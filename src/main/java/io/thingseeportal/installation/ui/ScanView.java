package io.thingseeportal.installation.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.thingseeportal.base.ui.component.QrCodeScanner;
import io.thingseeportal.installation.LabelReading;
import io.thingseeportal.installation.LabelScan;
import io.thingseeportal.installation.LabelScanService;
import io.thingseeportal.installation.WorkOrder;
import io.thingseeportal.installation.WorkOrderService;
import io.thingseeportal.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The installer's scanner: the phone's camera looks for a sensor's QR code, and the sensor it names is shown. Where the
 * camera cannot be used (refused, missing, a page not served over HTTPS) the view says why and how to fix it, and the
 * two fallbacks on the same screen still work: a photo, and the code typed in.
 *
 * <p>Frames and photos are decoded on the service's threads; the answers come back through server push.
 */
@Route("scan")
@Menu(order = 5, icon = "vaadin:qrcode", title = "menu.scan")
@RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
class ScanView extends Composite<VerticalLayout> implements HasDynamicTitle, BeforeEnterObserver {

    private static final Logger log = LoggerFactory.getLogger(ScanView.class);

    private final LabelScanService scans;
    private final QrCodeScanner scanner = new QrCodeScanner();
    private final ScanResult result = new ScanResult();
    private final Button scanAgain = new Button();
    private final Button install = new Button();
    private final H2 title = new H2();
    private final Paragraph hint = new Paragraph();
    private final WorkOrderService orders;
    /** The work order whose new sensor is being scanned, when replacing one. */
    private @Nullable WorkOrder replacing;

    private LabelReading.@Nullable Sensor sensorFound;

    ScanView(LabelScanService scans, WorkOrderService orders) {
        this.scans = scans;
        this.orders = orders;
        scanner.setId("scanner");
        scanner.setButtonLabels(getTranslation("scan.switch-camera"), getTranslation("scan.torch"));
        scanner.addFrameListener(event -> answer(scans.scanFrame(event.image())));
        scanner.addDetectedListener(event -> {
            if (!showHit(new LabelScan.Found(scans.resolve(event.text())))) {
                scanner.answered(false);
            }
        });
        scanner.addProblemListener(event -> {
            log.debug("Camera unavailable ({}): {}", event.problem(), event.detail());
            result.paragraph(
                    "scan-result--problem", getTranslation(event.problem().messageKey()));
            scanAgain.setText(getTranslation("scan.retry-camera"));
            scanAgain.setVisible(true);
        });

        install.setId("scan-install");
        install.setIcon(VaadinIcon.ARROW_FORWARD.create());
        install.setIconAfterText(true);
        install.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        install.setWidthFull();
        install.setVisible(false);
        install.addClickListener(event -> startWorkOrder());

        scanAgain.setText(getTranslation("scan.again"));
        scanAgain.setIcon(VaadinIcon.QRCODE.create());
        scanAgain.setId("scan-again");
        scanAgain.addThemeVariants(ButtonVariant.LUMO_LARGE);
        scanAgain.setWidthFull();
        scanAgain.setVisible(false);
        scanAgain.addClickListener(event -> startScanning());

        var typed = new TypedCode(reading -> showHit(new LabelScan.Found(reading)), scans);
        var photo =
                new PhotoScan(this::answerPhoto, message -> result.paragraph("scan-result--problem", message), scans);

        var content = getContent();
        content.addClassName("scan-view");
        content.setAlignItems(VerticalLayout.Alignment.STRETCH);
        title.setText(getTranslation("scan.title"));
        hint.setText(getTranslation("scan.hint"));
        content.add(title, hint, scanner, result, install, scanAgain, photo, typed);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("scan.title");
    }

    /** {@code scan?replacing=<work order>} scans the new sensor of a replacement. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        replacing = event.getLocation().getQueryParameters().getSingleParameter("replacing").stream()
                .filter(id -> id.matches("\\d{1,18}"))
                .map(Long::parseLong)
                .flatMap(id -> orders.find(id).stream())
                .filter(order -> order.step() == WorkOrder.Step.REPLACEMENT)
                .findFirst()
                .orElse(null);
        if (replacing != null) {
            title.setText(getTranslation("scan.replacing.title"));
            hint.setText(getTranslation("scan.replacing.hint", replacing.tuid()));
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        startScanning();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        scanner.stop();
    }

    private void startScanning() {
        result.clear();
        sensorFound = null;
        install.setVisible(false);
        scanAgain.setVisible(false);
        scanner.start();
    }

    /** Shows a frame's answer when it comes, on the UI's thread; a frame without a code asks for the next. */
    private void answer(CompletableFuture<LabelScan> scan) {
        whenDone(scan, true, done -> {
            if (!showHit(done)) {
                scanner.answered(false);
            }
        });
    }

    /** Shows a photo's answer when it comes; unlike a frame's, a photo without a code says so. */
    private void answerPhoto(CompletableFuture<LabelScan> scan) {
        result.paragraph("scan-result--busy", getTranslation("scan.photo.reading"));
        whenDone(scan, false, done -> {
            if (showHit(done)) {
                return;
            }
            if (done instanceof LabelScan.NoCode noCode && !noCode.damaged()) {
                result.paragraph("scan-result--problem", getTranslation("scan.photo.no-code"));
            } else if (done instanceof LabelScan.Dropped) {
                result.paragraph("scan-result--problem", getTranslation("scan.photo.busy"));
            }
        });
    }

    /** Runs {@code show} on the UI's thread once the scan is done; a failure is shown, and a frame's is answered. */
    private void whenDone(CompletableFuture<LabelScan> scan, boolean frame, Consumer<LabelScan> show) {
        UI ui = getUI().orElseThrow();
        scan.whenComplete((done, failure) -> ui.access(() -> {
            if (failure != null) {
                log.warn("Scanning failed", failure);
                if (frame) {
                    scanner.answered(false);
                }
                result.paragraph("scan-result--problem", getTranslation("scan.failed"));
            } else {
                show.accept(done);
            }
        }));
    }

    /**
     * Starts installing the sensor found (or makes it the new sensor of the replacement), and opens its work order once
     * Thingsee has been asked about it.
     */
    private void startWorkOrder() {
        LabelReading.Sensor sensor = sensorFound;
        if (sensor == null) {
            return;
        }
        install.setEnabled(false);
        result.paragraph("scan-result--busy", getTranslation("scan.starting"));
        CompletableFuture<WorkOrder> started = replacing == null
                ? orders.startInBackground(sensor)
                : orders.replaceWithInBackground(replacing.id(), sensor);
        UI ui = getUI().orElseThrow();
        started.whenComplete((order, failure) -> ui.access(() -> {
            if (failure != null) {
                log.warn("Starting the installation of {} failed", sensor.tuid(), failure);
                install.setEnabled(true);
                result.paragraph("scan-result--problem", getTranslation("work.failure.unexpected"));
            } else {
                ui.navigate(WorkOrderView.class, order.id());
            }
        }));
    }

    /**
     * Shows what the scan found: a sensor (the camera stops: true), or a code that is not a sensor's, or an image that
     * could not be read (false). A frame without a code or a dropped one shows nothing (false).
     */
    private boolean showHit(LabelScan scan) {
        if (scan instanceof LabelScan.Found found && found.reading() instanceof LabelReading.Sensor sensor) {
            // Stopped, the scanner takes no room (and stays visible to Flow, which sends nothing to hidden elements).
            scanner.answered(true);
            result.show(sensor);
            sensorFound = sensor;
            install.setText(getTranslation(replacing == null ? "scan.install" : "scan.replace-with"));
            install.setEnabled(true);
            install.setVisible(true);
            scanAgain.setText(getTranslation("scan.again"));
            scanAgain.setVisible(true);
            log.debug("Read {} after {} characters from the browser", sensor.tuid(), scanner.bytesSent());
            return true;
        }
        if (scan instanceof LabelScan.Found found && found.reading() instanceof LabelReading.NotASensor notASensor) {
            result.show(notASensor);
        } else if (scan instanceof LabelScan.Unreadable unreadable) {
            result.show(unreadable.problem());
        } else if (scan instanceof LabelScan.NoCode noCode && noCode.damaged()) {
            result.paragraph("scan-result--problem", getTranslation("image.problem.damaged"));
        }
        return false;
    }
}
