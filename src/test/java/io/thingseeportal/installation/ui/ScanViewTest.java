package io.thingseeportal.installation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.textfield.TextField;
import io.thingseeportal.MockedThingseeTest;
import io.thingseeportal.TestData;
import io.thingseeportal.base.ui.component.QrCodeScanner;
import io.thingseeportal.installation.LabelFrames;
import io.thingseeportal.installation.LabelFrames.Distortion;
import io.thingseeportal.security.AppRoles;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class ScanViewTest extends MockedThingseeTest {

    long tenantId;
    QrCodeScanner scanner;

    @BeforeEach
    void anInstallerOnTheScanner() {
        tenantId = TestData.tenant(jdbc, "Acme");
        signIn("Ilkka", tenantId, AppRoles.INSTALLER);
        UI.getCurrent().navigate("scan");
        scanner = _get(QrCodeScanner.class);
    }

    @Test
    void the_camera_starts_looking_as_the_view_opens() {
        assertThat(scanner().isActive()).isTrue();
        assertThat(_find(Div.class, spec -> spec.withId("scan-result")).get(0).getChildren())
                .isEmpty();
    }

    @Test
    void a_frame_with_a_sensors_label_shows_the_sensor_and_stops_the_camera() {
        sendFrame(LabelFrames.frameBytes(LabelFrames.LEGACY_LABEL, Distortion.clean(160), new Random(1)));

        awaitUi(() -> !_find(Span.class, spec -> spec.withId("scan-tuid")).isEmpty());
        assertThat(_get(Span.class, spec -> spec.withId("scan-tuid")).getText()).isEqualTo("TSPR04EZU31901021");
        assertThat(_get(H3.class, spec -> spec.withId("scan-product")).getText())
                .isEqualTo("Thingsee PRESENCE");
        assertThat(_get(Icon.class, spec -> spec.withClasses("product-icon")).getClassNames())
                .as("the presence sensor's own icon")
                .contains("product-icon--presence");
        assertThat(scanner().isActive()).isFalse();
    }

    @Test
    void scanning_another_sensor_clears_the_result_and_starts_the_camera_again() {
        sendFrame(LabelFrames.frameBytes(LabelFrames.LEGACY_LABEL, Distortion.clean(160), new Random(1)));
        awaitUi(() -> !scanner().isActive());

        _click(_get(Button.class, spec -> spec.withId("scan-again")));

        assertThat(scanner().isActive()).isTrue();
        assertThat(_find(Span.class, spec -> spec.withId("scan-tuid"))).isEmpty();
    }

    @Test
    void a_code_that_is_not_a_sensors_says_what_it_is_and_keeps_the_camera_looking() {
        sendFrame(LabelFrames.frameBytes("https://example.com/menu", Distortion.clean(160), new Random(1)));

        awaitUi(() ->
                !_find(Paragraph.class, spec -> spec.withId("scan-message")).isEmpty());
        assertThat(message()).contains("web address (https://example.com/menu)");
        assertThat(scanner().isActive()).isTrue();
    }

    @Test
    void a_photo_of_a_sensor_label_shows_the_sensor() {
        sendAPhotoOfTheLegacyLabelAndAwaitTheSensor();

        assertThat(_get(Span.class, spec -> spec.withId("scan-tuid")).getText()).isEqualTo("TSPR04EZU31901021");
        assertThat(scanner().isActive()).isFalse();
    }

    @Test
    void a_photo_without_a_code_says_so_and_the_camera_keeps_looking() {
        _get(PhotoScan.class).received(UI.getCurrent(), LabelFrames.png(new BufferedImage(400, 300, 1)));

        awaitUi(() -> !message().isEmpty() && !message().startsWith("Reading"));
        assertThat(message()).startsWith("No QR code was found in the photo");
        assertThat(scanner().isActive()).isTrue();
    }

    @Test
    void a_photo_over_the_limit_is_refused_without_being_scanned() {
        byte[] tooLarge = new byte[(int) DataSize.ofMegabytes(25).toBytes() + 1];

        _get(PhotoScan.class).received(UI.getCurrent(), tooLarge);

        awaitUi(() ->
                !_find(Paragraph.class, spec -> spec.withId("scan-message")).isEmpty());
        assertThat(message())
                .isEqualTo("The photo is larger than 26.2 MB, the most that can be read."
                        + " Take it again at a lower resolution.");
    }

    @Test
    void a_file_that_is_not_an_image_says_so() {
        _get(PhotoScan.class).received(UI.getCurrent(), "%PDF-1.7 a document".getBytes(StandardCharsets.US_ASCII));

        awaitUi(() -> message().startsWith("This file is not an image"));
    }

    @Test
    void a_text_the_phone_decoded_itself_is_checked_like_a_frame() {
        ComponentUtil.fireEvent(scanner(), new QrCodeScanner.DetectedEvent(scanner(), "I#TSAP01,W#1,S#EWL14500663"));

        assertThat(_get(Span.class, spec -> spec.withId("scan-tuid")).getText()).isEqualTo("TSAP01EWL14500663");
        assertThat(_get(H3.class, spec -> spec.withId("scan-product")).getText())
                .isEqualTo("Thingsee COUNT");
    }

    @Test
    void a_refused_camera_is_explained_with_what_to_do_and_the_fallbacks_stay() {
        ComponentUtil.fireEvent(
                scanner(),
                new QrCodeScanner.ProblemEvent(scanner(), QrCodeScanner.Problem.DENIED, "NotAllowedError: denied"));

        assertThat(message()).contains("camera was not allowed").contains("site settings");
        assertThat(_get(Button.class, spec -> spec.withId("scan-again")).getText())
                .isEqualTo("Try the camera again");
        assertThat(_find(TextField.class, spec -> spec.withId("typed-code"))).hasSize(1);
    }

    @Test
    void a_camera_that_fails_only_after_a_photo_found_the_sensor_leaves_the_sensor_shown() {
        sendAPhotoOfTheLegacyLabelAndAwaitTheSensor();

        theBrowserSaysTheCameraFailed("no-camera", "NotFoundError: none");

        assertThat(_get(Span.class, spec -> spec.withId("scan-tuid")).getText()).isEqualTo("TSPR04EZU31901021");
        assertThat(_get(Button.class, spec -> spec.withId("scan-install")).isVisible())
                .isTrue();
        assertThat(message()).isEmpty();
    }

    @Test
    void a_page_not_served_over_https_says_how_to_reach_the_camera() {
        ComponentUtil.fireEvent(
                scanner(),
                new QrCodeScanner.ProblemEvent(scanner(), QrCodeScanner.Problem.INSECURE, "http://192.168.1.5:8080"));

        assertThat(message()).contains("HTTPS");
    }

    @Test
    void a_typed_tuid_shows_the_sensor() {
        _setValue(_get(TextField.class, spec -> spec.withId("typed-code")), "tspr04 ezu31901021");
        _click(_get(Button.class, spec -> spec.withId("typed-check")));

        assertThat(_get(Span.class, spec -> spec.withId("scan-tuid")).getText()).isEqualTo("TSPR04EZU31901021");
    }

    @Test
    void a_typed_psn_and_imc_show_the_sensor() {
        _setValue(_get(TextField.class, spec -> spec.withId("typed-psn")), "EZU31901021");
        _setValue(_get(TextField.class, spec -> spec.withId("typed-imc")), "TSPR04");
        _click(_get(Button.class, spec -> spec.withId("typed-check-parts")));

        assertThat(_get(Span.class, spec -> spec.withId("scan-tuid")).getText()).isEqualTo("TSPR04EZU31901021");
    }

    @Test
    void a_typed_wirepas_node_id_is_named_as_one() {
        _setValue(_get(TextField.class, spec -> spec.withId("typed-code")), "15056570");
        _click(_get(Button.class, spec -> spec.withId("typed-check")));

        assertThat(message()).contains("15056570 is a Wirepas node id");
    }

    @Test
    void a_viewer_is_denied_the_scanner() {
        signIn("Veera", tenantId, AppRoles.VIEWER);
        UI.getCurrent().navigate("scan");

        assertThat(currentView().getClass().getSimpleName()).isEqualTo("AccessDeniedView");
    }

    private QrCodeScanner scanner() {
        return scanner;
    }

    private static String message() {
        List<Paragraph> messages = _find(Paragraph.class, spec -> spec.withId("scan-message"));
        return messages.isEmpty() ? "" : messages.get(0).getText();
    }

    private void sendAPhotoOfTheLegacyLabelAndAwaitTheSensor() {
        byte[] photo =
                LabelFrames.jpeg(LabelFrames.frame(LabelFrames.LEGACY_LABEL, Distortion.clean(300), new Random(2)), 85);
        _get(PhotoScan.class).received(UI.getCurrent(), photo);
        awaitUi(() -> !_find(Span.class, spec -> spec.withId("scan-tuid")).isEmpty());
    }

    private void sendFrame(byte[] image) {
        ComponentUtil.fireEvent(scanner(), new QrCodeScanner.FrameEvent(scanner(), image));
    }

    /** As the scanner's script does: it calls the component's {@code problem} on the server. */
    private void theBrowserSaysTheCameraFailed(String problem, String detail) {
        try {
            var callable = QrCodeScanner.class.getDeclaredMethod("problem", String.class, String.class);
            callable.setAccessible(true);
            callable.invoke(scanner(), problem, detail);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The scanner has no client-callable problem(String, String)", e);
        }
    }
}
