package io.thingseeportal.base.ui.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingseeportal.Translations;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class QrCodeScannerTest {

    private final QrCodeScanner scanner = new QrCodeScanner();
    private final List<byte[]> frames = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();
    private final List<QrCodeScanner.ProblemEvent> problems = new ArrayList<>();

    @BeforeEach
    void listening() {
        scanner.addFrameListener(event -> frames.add(event.image()));
        scanner.addDetectedListener(event -> texts.add(event.text()));
        scanner.addProblemListener(problems::add);
        scanner.start();
    }

    @Test
    void a_jpeg_data_url_reaches_the_listener_as_its_bytes_and_counts_as_sent() {
        String dataUrl = "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(new byte[] {1, 2, 3});

        scanner.frame(dataUrl, dataUrl.length());

        assertThat(frames).singleElement().isEqualTo(new byte[] {1, 2, 3});
        assertThat(scanner.bytesSent()).isEqualTo(dataUrl.length());
    }

    @Test
    void anything_but_an_image_data_url_within_the_limit_is_dropped() {
        scanner.frame("https://example.com/x.jpg", 25);
        scanner.frame("data:text/html;base64,PGgxPg==", 30);
        scanner.frame("data:image/jpeg;base64,!!not base64!!", 30);
        scanner.frame("data:image/jpeg;base64," + "A".repeat(QrCodeScanner.MAX_FRAME_TEXT), 0);

        assertThat(frames).isEmpty();
    }

    @Test
    void a_frame_that_arrives_after_the_scanner_stopped_is_dropped() {
        scanner.stop();

        scanner.frame("data:image/png;base64," + Base64.getEncoder().encodeToString(new byte[] {9}), 10);

        assertThat(frames).isEmpty();
    }

    @Test
    void a_text_decoded_in_the_browser_reaches_the_listener_unless_too_long() {
        scanner.detected("EZU31901021,TSPR04");
        scanner.detected("x".repeat(QrCodeScanner.MAX_TEXT + 1));

        assertThat(texts).containsExactly("EZU31901021,TSPR04");
        assertThat(scanner.bytesSent()).isEqualTo(18);
    }

    @Test
    void nulls_from_a_tampered_browser_are_dropped_or_taken_as_a_failed_camera() {
        scanner.frame(null, 10);
        scanner.detected(null);
        scanner.problem(null, null);

        assertThat(frames).isEmpty();
        assertThat(texts).isEmpty();
        assertThat(problems)
                .extracting(QrCodeScanner.ProblemEvent::problem)
                .containsExactly(QrCodeScanner.Problem.FAILED);
    }

    @Test
    void a_camera_problem_stops_the_scanner_and_an_unknown_one_counts_as_failed() {
        scanner.problem("denied", "NotAllowedError: Permission denied");
        scanner.start();
        scanner.problem("exploded", "x".repeat(500));

        assertThat(problems)
                .extracting(QrCodeScanner.ProblemEvent::problem)
                .containsExactly(QrCodeScanner.Problem.DENIED, QrCodeScanner.Problem.FAILED);
        assertThat(problems.get(1).detail()).hasSize(200);
        assertThat(scanner.isActive()).isFalse();
    }

    @Test
    void a_problem_that_arrives_after_the_scanner_stopped_is_not_told() {
        scanner.answered(true);

        scanner.problem("no-camera", "NotFoundError: Requested device not found");

        assertThat(problems).isEmpty();
    }

    @Test
    void a_found_answer_stops_the_scanner_and_a_miss_keeps_it_looking() {
        scanner.answered(false);
        assertThat(scanner.isActive()).isTrue();

        scanner.answered(true);
        assertThat(scanner.isActive()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(QrCodeScanner.Problem.class)
    void each_problem_is_explained_in_every_language(QrCodeScanner.Problem problem) {
        for (String language : Translations.LANGUAGES) {
            assertThat(Translations.format(language, problem.messageKey()))
                    .as(language)
                    .isNotBlank();
        }
    }
}
