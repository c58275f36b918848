package io.thingseeportal.installation;

import static io.thingseeportal.installation.LabelFrames.LEGACY_LABEL;
import static org.assertj.core.api.Assertions.assertThat;

import io.thingseeportal.installation.LabelFrames.Distortion;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QrDecoderTest {

    private static final String HALTIAN_LABEL = "I#TSPR04,W#15056570,S#EZU31901021";

    private final QrDecoder decoder = new QrDecoder(Duration.ofSeconds(2));

    @Test
    void a_tilted_washed_out_code_under_glare_that_zxings_binarizers_miss_reads_with_a_window_threshold()
            throws Exception {
        String text = "HXABHD8176A,TSGW06";
        // Drawn exactly as the benchmark drew this frame (seed 4): all ten attempts before the window thresholds miss
        // it.
        var distortion = new Distortion(
                180,
                -8.413328085377191,
                29.603564286660962,
                59.85151490002051,
                0.46145037483716084,
                0.2742307269544396,
                0.367324921914231,
                2.6279501984203977,
                92,
                false);
        byte[] frame = LabelFrames.frameBytes(text, distortion, new Random(-3691650683118269281L));
        var image = new ImageReading(20_000_000, 40_000_000, QrDecoder.LONGEST_SIDE)
                .read(frame)
                .image();

        var read = decoder.read(image);

        assertThat(read).map(QrDecoder.Read::text).contains(text);
        assertThat(read.orElseThrow().attempt()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void a_clean_label_reads_as_it_is_with_the_first_attempt() {
        BufferedImage frame = LabelFrames.frame(LEGACY_LABEL, Distortion.clean(200), new Random(1));

        assertThat(decoder.read(frame)).hasValueSatisfying(read -> {
            assertThat(read.text()).isEqualTo(LEGACY_LABEL);
            assertThat(read.attempt()).isZero();
        });
    }

    @ParameterizedTest
    @ValueSource(doubles = {-30, -15, 10, 30})
    void a_label_turned_by_up_to_30_degrees_reads(double degrees) {
        assertThat(decoder.decode(frame(new Distortion(160, degrees, 0, 0, 0, 1, 0, 2, 80, false))))
                .contains(HALTIAN_LABEL);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 45, 90, 200})
    void a_label_tilted_30_degrees_away_from_the_camera_reads(double direction) {
        assertThat(decoder.decode(frame(new Distortion(200, 5, 30, direction, 0, 1, 0, 2, 80, false))))
                .contains(HALTIAN_LABEL);
    }

    @Test
    void a_label_blurred_by_half_a_module_reads() {
        assertThat(decoder.decode(frame(new Distortion(200, 8, 10, 30, 0.5, 1, 0, 2, 80, false))))
                .contains(HALTIAN_LABEL);
    }

    @Test
    void a_noisy_label_reads() {
        assertThat(decoder.decode(frame(new Distortion(160, -5, 10, 120, 0.2, 0.8, 0, 12, 60, false))))
                .contains(HALTIAN_LABEL);
    }

    @Test
    void a_label_at_a_contrast_of_015_reads() {
        assertThat(decoder.decode(frame(new Distortion(200, 12, 15, 60, 0.2, 0.15, 0, 2, 60, false))))
                .contains(HALTIAN_LABEL);
    }

    @Test
    void a_label_under_a_glare_spot_reads() {
        assertThat(decoder.decode(frame(new Distortion(240, -10, 10, 0, 0.1, 0.9, 0.7, 2, 70, false))))
                .contains(HALTIAN_LABEL);
    }

    @Test
    void a_code_of_80_pixels_in_an_800_pixel_frame_reads() {
        assertThat(decoder.decode(frame(new Distortion(80, 10, 10, 0, 0.2, 0.8, 0, 2, 50, false))))
                .contains(HALTIAN_LABEL);
    }

    @Test
    void a_frame_compressed_at_jpeg_quality_30_reads() {
        assertThat(decoder.decode(frame(new Distortion(120, -20, 20, 300, 0.3, 0.6, 0, 3, 30, false))))
                .contains(HALTIAN_LABEL);
    }

    @Test
    void an_inverted_label_light_on_dark_reads_with_a_later_attempt() {
        BufferedImage frame = frame(new Distortion(200, 0, 0, 0, 0, 1, 0, 0, 0, true));

        assertThat(decoder.read(frame)).hasValueSatisfying(read -> {
            assertThat(read.text()).isEqualTo(HALTIAN_LABEL);
            assertThat(read.attempt()).isPositive();
        });
    }

    @Test
    void a_frame_without_a_code_reads_as_nothing() {
        BufferedImage frame = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        var random = new Random(3);
        for (int y = 0; y < 600; y++) {
            for (int x = 0; x < 800; x++) {
                int gray = 100 + random.nextInt(40);
                frame.setRGB(x, y, gray << 16 | gray << 8 | gray);
            }
        }

        assertThat(decoder.decode(frame)).isEmpty();
    }

    @Test
    void a_time_limit_that_is_up_stops_after_the_first_attempt() {
        var hurried = new QrDecoder(Duration.ZERO);
        BufferedImage inverted = frame(new Distortion(200, 0, 0, 0, 0, 1, 0, 0, 0, true));

        assertThat(hurried.decode(inverted)).isEmpty();
        assertThat(decoder.decode(inverted)).contains(HALTIAN_LABEL);
    }

    @Test
    void a_photo_larger_than_the_longest_side_is_scaled_down_and_still_reads() {
        BufferedImage small = LabelFrames.frame(LEGACY_LABEL, Distortion.clean(300), new Random(5));
        var large = new BufferedImage(small.getWidth() * 4, small.getHeight() * 4, BufferedImage.TYPE_INT_RGB);
        var graphics = large.createGraphics();
        graphics.drawImage(small, 0, 0, large.getWidth(), large.getHeight(), null);
        graphics.dispose();

        assertThat(decoder.decode(large)).contains(LEGACY_LABEL);
    }

    private static BufferedImage frame(Distortion distortion) {
        return LabelFrames.frame(HALTIAN_LABEL, distortion, new Random(7));
    }
}
