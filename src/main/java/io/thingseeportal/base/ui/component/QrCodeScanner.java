package io.thingseeportal.base.ui.component;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;
import java.util.Base64;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The {@code <qr-code-scanner>} web component ({@code frontend/components/qr-code-scanner.ts}): the phone's rear
 * camera, sending a frame of at most 800 pixels a side at most five times a second, each only after the previous one
 * was {@link #answered(boolean) answered}; or, where the browser decodes QR codes itself, only the text. It lets go of
 * the camera when stopped, detached or hidden.
 *
 * <p>Everything the browser sends is checked here before a listener sees it: a frame must be a JPEG or PNG data URL of
 * at most {@link #MAX_FRAME_TEXT} characters, a text at most {@link #MAX_TEXT} characters; anything else is answered
 * as "not found" and dropped.
 */
@Tag("qr-code-scanner")
@JsModule("./components/qr-code-scanner.ts")
public class QrCodeScanner extends Component implements HasSize {

    /** The longest data URL taken as a frame: an 800-pixel JPEG is some 100,000 characters. */
    public static final int MAX_FRAME_TEXT = 1_400_000;
    /** The longest text taken from the phone's own decoder. */
    public static final int MAX_TEXT = 4096;

    private static final String[] FRAME_PREFIXES = {"data:image/jpeg;base64,", "data:image/png;base64,"};

    /** Why the camera cannot be used. */
    public enum Problem {
        /** The page is not served over HTTPS (or from localhost): browsers give cameras to secure pages only. */
        INSECURE,
        /** The browser has no camera access at all. */
        UNSUPPORTED,
        /** The installer or the browser's settings refused the camera. */
        DENIED,
        /** The phone has no camera the browser can use. */
        NO_CAMERA,
        /** The camera failed to start. */
        FAILED;

        /** The translation key of the explanation, for example {@code scanner.problem.denied}. */
        public String messageKey() {
            return "scanner.problem." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private long bytesSent;

    public QrCodeScanner() {
        setWidthFull();
    }

    /** Opens the camera and starts sending frames. */
    public void start() {
        bytesSent = 0;
        getElement().setProperty("active", true);
    }

    /** Stops the frames and lets go of the camera. */
    public void stop() {
        getElement().setProperty("active", false);
    }

    public boolean isActive() {
        return getElement().getProperty("active", false);
    }

    /** Answers the last frame or text: {@code found} stops the scanning, else the next frame comes. */
    public void answered(boolean found) {
        if (found) {
            stop();
        }
        getElement().callJsFunction("answered", found);
    }

    /** The labels of the camera switch and the torch, in the user's language. */
    public void setButtonLabels(String switchCamera, String torch) {
        getElement().setProperty("switchLabel", switchCamera);
        getElement().setProperty("torchLabel", torch);
    }

    /** What the browser sent since the last {@link #start()}, in characters (the bytes on the wire). */
    public long bytesSent() {
        return bytesSent;
    }

    public Registration addFrameListener(ComponentEventListener<FrameEvent> listener) {
        return addListener(FrameEvent.class, listener);
    }

    public Registration addDetectedListener(ComponentEventListener<DetectedEvent> listener) {
        return addListener(DetectedEvent.class, listener);
    }

    public Registration addProblemListener(ComponentEventListener<ProblemEvent> listener) {
        return addListener(ProblemEvent.class, listener);
    }

    @ClientCallable
    void frame(@Nullable String dataUrl, int characters) {
        bytesSent += Math.max(0, Math.min(characters, MAX_FRAME_TEXT));
        byte[] image = dataUrl == null ? null : image(dataUrl);
        if (image == null || !isActive()) {
            answered(false);
            return;
        }
        fireEvent(new FrameEvent(this, image));
    }

    @ClientCallable
    void detected(@Nullable String text) {
        if (text == null || text.length() > MAX_TEXT || !isActive()) {
            answered(false);
            return;
        }
        bytesSent += text.length();
        fireEvent(new DetectedEvent(this, text));
    }

    /**
     * The camera could not be used. Told only while the scanner is active: a problem that reaches the server after it
     * stopped (a slow phone's late camera failure, after a photo or a typed code found the sensor) concerns a camera
     * nobody waits for any more.
     */
    @ClientCallable
    void problem(@Nullable String problem, @Nullable String detail) {
        if (!isActive()) {
            return;
        }
        Problem known = Problem.FAILED;
        if (problem != null) {
            try {
                known = Problem.valueOf(problem.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                // an unknown problem counts as failed
            }
        }
        String said = detail == null ? "" : detail;
        stop();
        fireEvent(new ProblemEvent(this, known, said.length() > 200 ? said.substring(0, 200) : said));
    }

    /** The image bytes of a JPEG or PNG data URL within the size limit, or null. */
    static byte @Nullable [] image(String dataUrl) {
        if (dataUrl.length() > MAX_FRAME_TEXT) {
            return null;
        }
        for (String prefix : FRAME_PREFIXES) {
            if (dataUrl.startsWith(prefix)) {
                try {
                    return Base64.getDecoder().decode(dataUrl.substring(prefix.length()));
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** A camera frame: JPEG or PNG bytes, at most 800 pixels a side as the browser drew it. */
    public static class FrameEvent extends ComponentEvent<QrCodeScanner> {
        private final byte[] image;

        public FrameEvent(QrCodeScanner source, byte[] image) {
            super(source, true);
            this.image = image;
        }

        public byte[] image() {
            return image.clone();
        }
    }

    /** A QR code's text, decoded by the browser itself. */
    public static class DetectedEvent extends ComponentEvent<QrCodeScanner> {
        private final String text;

        public DetectedEvent(QrCodeScanner source, String text) {
            super(source, true);
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** The camera could not be used, and why. */
    public static class ProblemEvent extends ComponentEvent<QrCodeScanner> {
        private final Problem problem;
        private final String detail;

        public ProblemEvent(QrCodeScanner source, Problem problem, String detail) {
            super(source, true);
            this.problem = problem;
            this.detail = detail;
        }

        public Problem problem() {
            return problem;
        }

        /** The browser's own words (the error's name and message, or the page's origin), for the log. */
        public String detail() {
            return detail;
        }
    }
}
