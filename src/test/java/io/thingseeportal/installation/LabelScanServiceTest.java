package io.thingseeportal.installation;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingseeportal.installation.LabelFrames.Distortion;
import io.thingseeportal.installation.LabelReading.Sensor;
import io.thingseeportal.installation.UnreadableImageException.Problem;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class LabelScanServiceTest {

    private LabelScanService service = service(2);

    @AfterEach
    void stop() {
        service.stop();
    }

    @Test
    void a_camera_frame_with_a_sensor_label_is_read_into_its_tuid() {
        byte[] frame = LabelFrames.frameBytes(LabelFrames.LEGACY_LABEL, Distortion.clean(160), new Random(1));

        LabelScan scan = service.scanFrame(frame).join();

        assertThat(reading(scan))
                .isInstanceOfSatisfying(
                        Sensor.class, sensor -> assertThat(sensor.tuid()).isEqualTo("TSPR04EZU31901021"));
    }

    @Test
    void a_code_that_is_not_a_sensors_is_found_and_says_why() {
        byte[] frame = LabelFrames.frameBytes("https://example.com", Distortion.clean(160), new Random(1));

        LabelScan scan = service.scanFrame(frame).join();

        assertThat(reading(scan))
                .isInstanceOfSatisfying(
                        LabelReading.NotASensor.class,
                        notASensor -> assertThat(notASensor.reason()).isEqualTo(LabelReading.Reason.WEB_ADDRESS));
    }

    @Test
    void a_frame_without_a_code_says_so() {
        assertThat(service.scanFrame(LabelFrames.png(gray())).join()).isEqualTo(new LabelScan.NoCode(false));
    }

    @Test
    void a_frame_that_finds_every_decoder_busy_is_dropped_at_once_and_the_next_one_after_is_decoded() {
        service.stop();
        service = service(1);
        byte[] slow = LabelFrames.png(gray());

        // The first frame holds the only decoder from the moment it is handed over: an 800 × 600 frame without a code
        // goes through every attempt, which takes far longer than handing over the second frame.
        CompletableFuture<LabelScan> first = service.scanFrame(slow);
        CompletableFuture<LabelScan> second = service.scanFrame(slow);

        assertThat(second).isCompletedWithValue(new LabelScan.Dropped());
        assertThat(first.join()).isEqualTo(new LabelScan.NoCode(false));
        assertThat(service.scanFrame(slow).join()).isEqualTo(new LabelScan.NoCode(false));
    }

    @Test
    void a_frame_above_the_size_limit_is_refused_before_it_is_decoded() {
        LabelScan scan = service.scanFrame(new byte[2_000_000]).join();

        assertThat(scan)
                .isInstanceOfSatisfying(
                        LabelScan.Unreadable.class,
                        unreadable -> assertThat(unreadable.problem().problem()).isEqualTo(Problem.TOO_LARGE));
    }

    @Test
    void a_photo_that_is_not_an_image_is_answered_with_its_problem() {
        byte[] text = "not an image at all".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(service.scanPhoto(text).join())
                .isInstanceOfSatisfying(
                        LabelScan.Unreadable.class,
                        unreadable -> assertThat(unreadable.problem().problem()).isEqualTo(Problem.NOT_AN_IMAGE));
    }

    @Test
    void a_photo_waits_for_a_busy_decoder_instead_of_being_dropped() {
        service.stop();
        service = service(1);
        CompletableFuture<LabelScan> frame = service.scanFrame(LabelFrames.png(gray()));
        byte[] photo =
                LabelFrames.jpeg(LabelFrames.frame(LabelFrames.LEGACY_LABEL, Distortion.clean(240), new Random(4)), 85);

        CompletableFuture<LabelScan> scan = service.scanPhoto(photo);

        // The frame holds the only decoder for far longer than it takes to hand the photo over.
        assertThat(scan).isNotDone();
        assertThat(frame.join()).isEqualTo(new LabelScan.NoCode(false));
        assertThat(scan.join()).isInstanceOf(LabelScan.Found.class);
    }

    @Test
    void photos_beyond_the_one_decoded_and_two_waiting_are_answered_busy_at_once() {
        service.stop();
        service = service(1);
        byte[] slow = LabelFrames.png(gray());

        List<CompletableFuture<LabelScan>> photos =
                List.of(service.scanPhoto(slow), service.scanPhoto(slow), service.scanPhoto(slow));
        CompletableFuture<LabelScan> fourth = service.scanPhoto(slow);

        assertThat(fourth).isCompletedWithValue(new LabelScan.Dropped());
        assertThat(photos).allSatisfy(photo -> assertThat(photo.join()).isEqualTo(new LabelScan.NoCode(false)));
    }

    @Test
    void a_photo_gets_all_the_attempts_it_needs_even_when_a_frame_would_have_run_out_of_time() {
        service.stop();
        // A frame's time limit so short that only the first attempt runs, as on a busy server.
        service = service(1, Duration.ofNanos(1), Duration.ofSeconds(10));
        // Light on dark: the first attempt (the image as it is) does not read it.
        byte[] label = LabelFrames.png(LabelFrames.frame(
                LabelFrames.LEGACY_LABEL, new Distortion(200, 0, 0, 0, 0, 1, 0, 0, 0, true), new Random(1)));

        assertThat(service.scanFrame(label).join()).isInstanceOf(LabelScan.NoCode.class);
        assertThat(reading(service.scanPhoto(label).join()))
                .isInstanceOfSatisfying(
                        Sensor.class, sensor -> assertThat(sensor.tuid()).isEqualTo("TSPR04EZU31901021"));
    }

    @Test
    void typed_text_is_resolved_like_a_scanned_code() {
        assertThat(service.resolve("tspr04ezu31901021")).isInstanceOf(Sensor.class);
        assertThat(service.resolve("EZU31901021", "TSPR04")).isInstanceOf(Sensor.class);
    }

    /** What a scan that found a code read; fails for any other scan. */
    private static LabelReading reading(LabelScan scan) {
        assertThat(scan).isInstanceOf(LabelScan.Found.class);
        return ((LabelScan.Found) scan).reading();
    }

    private static LabelScanService service(int decoders) {
        return service(decoders, Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    private static LabelScanService service(int decoders, Duration frameTimeLimit, Duration photoTimeLimit) {
        return new LabelScanService(new ScanProperties(
                frameTimeLimit,
                photoTimeLimit,
                decoders,
                DataSize.ofMegabytes(1),
                2_000_000,
                DataSize.ofMegabytes(25),
                50_000_000));
    }

    private static BufferedImage gray() {
        var image = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        var random = new Random(9);
        for (int y = 0; y < 600; y++) {
            for (int x = 0; x < 800; x++) {
                int value = 100 + random.nextInt(40);
                image.setRGB(x, y, value << 16 | value << 8 | value);
            }
        }
        return image;
    }
}
