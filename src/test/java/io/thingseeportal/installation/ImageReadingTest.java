package io.thingseeportal.installation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.thingseeportal.Translations;
import io.thingseeportal.installation.UnreadableImageException.Problem;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ImageReadingTest {

    private final ImageReading reading = new ImageReading(20_000_000, 40_000_000, QrDecoder.LONGEST_SIDE);

    @Test
    void a_jpeg_photo_is_read() throws Exception {
        byte[] jpeg = LabelFrames.jpeg(halves(), 90);

        ImageReading.Image image = reading.read(jpeg);

        assertThat(image.image().getWidth()).isEqualTo(40);
        assertThat(image.damaged()).isFalse();
    }

    @Test
    void an_empty_file_is_empty() {
        assertThat(problemOf(new byte[0])).isEqualTo(Problem.EMPTY);
    }

    @Test
    void random_bytes_are_not_an_image() {
        byte[] noise = new byte[5000];
        new Random(11).nextBytes(noise);

        assertThat(problemOf(noise)).isEqualTo(Problem.NOT_AN_IMAGE);
    }

    @Test
    void a_file_of_50_megabytes_is_refused_for_its_size_before_it_is_read() {
        byte[] large = new byte[50_000_000];
        byte[] jpeg = LabelFrames.jpeg(halves(), 90);
        System.arraycopy(jpeg, 0, large, 0, jpeg.length);

        UnreadableImageException refused =
                catchThrowableOfType(UnreadableImageException.class, () -> reading.read(large));

        assertThat(refused.problem()).isEqualTo(Problem.TOO_LARGE);
        assertThat(refused.getMessage()).contains("50.0 MB").contains("20.0 MB");
    }

    @Test
    void a_png_that_declares_30000_by_30000_pixels_is_refused_from_its_header() throws IOException {
        byte[] png = LabelFrames.png(halves());
        // The IHDR chunk follows the 8-byte signature: length (4), type (4), width (4), height (4), ..., CRC (4).
        ByteBuffer header = ByteBuffer.wrap(png);
        header.putInt(16, 30_000).putInt(20, 30_000);
        var crc = new CRC32();
        crc.update(png, 12, 17);
        header.putInt(29, (int) crc.getValue());

        UnreadableImageException refused =
                catchThrowableOfType(UnreadableImageException.class, () -> reading.read(png));

        assertThat(refused.problem()).isEqualTo(Problem.TOO_MANY_PIXELS);
        assertThat(refused.getMessage()).contains("30000 × 30000");
    }

    @Test
    void a_jpeg_cut_short_is_damaged_and_never_throws_anything_else() {
        byte[] jpeg = LabelFrames.jpeg(
                LabelFrames.frame(LabelFrames.LEGACY_LABEL, LabelFrames.Distortion.clean(200), new Random(2)), 80);
        byte[] cut = Arrays.copyOf(jpeg, jpeg.length / 2);

        try {
            assertThat(reading.read(cut).damaged()).isTrue();
        } catch (UnreadableImageException e) {
            assertThat(e.problem()).isEqualTo(Problem.DAMAGED);
        }
    }

    @Test
    void a_jpeg_header_alone_is_damaged() {
        byte[] jpeg = LabelFrames.jpeg(halves(), 90);

        assertThat(problemOf(Arrays.copyOf(jpeg, 30))).isEqualTo(Problem.DAMAGED);
    }

    @Test
    void a_photo_larger_than_needed_is_decoded_at_every_nth_row_and_column() throws Exception {
        byte[] large = LabelFrames.png(new BufferedImage(2600, 1000, BufferedImage.TYPE_BYTE_GRAY));

        BufferedImage image = reading.read(large).image();

        assertThat(image.getWidth()).isEqualTo(1300);
        assertThat(image.getHeight()).isEqualTo(500);
    }

    @Test
    void a_portrait_photo_stored_sideways_is_turned_upright_by_its_exif_orientation() throws Exception {
        byte[] sideways = withExif(LabelFrames.jpeg(halves(), 95), 6, true);

        BufferedImage upright = reading.read(sideways).image();

        // Stored 40 × 20 with the left half dark; turned a quarter clockwise, the dark half is on top.
        assertThat(upright.getWidth()).isEqualTo(20);
        assertThat(upright.getHeight()).isEqualTo(40);
        assertThat(upright.getRGB(10, 5) & 0xFF).isLessThan(60);
        assertThat(upright.getRGB(10, 35) & 0xFF).isGreaterThan(200);
    }

    @Test
    void a_photo_with_its_jfif_block_after_the_exif_one_is_read_all_the_same() throws Exception {
        byte[] both = withExif(LabelFrames.jpeg(halves(), 95), 3, false);

        BufferedImage upright = reading.read(both).image();

        // Turned half a turn: the dark half is on the right.
        assertThat(upright.getWidth()).isEqualTo(40);
        assertThat(upright.getRGB(35, 10) & 0xFF).isLessThan(60);
        assertThat(upright.getRGB(5, 10) & 0xFF).isGreaterThan(200);
    }

    @ParameterizedTest
    @CsvSource({
        "1, 10, 5, 29, 14",
        "2, 29, 5, 10, 14",
        "3, 29, 14, 10, 5",
        "4, 10, 14, 29, 5",
        "5, 5, 10, 14, 29",
        "6, 14, 10, 5, 29",
        "7, 14, 29, 5, 10",
        "8, 5, 29, 14, 10"
    })
    void every_exif_orientation_turns_and_mirrors_the_image_as_it_says(
            int orientation, int darkX, int darkY, int lightX, int lightY) {
        // Stored 40 × 20 with only its top left quarter dark (around 10, 5); where that quarter is once upright.
        BufferedImage turned = ImageReading.upright(quarter(), orientation);

        assertThat(turned.getWidth()).isEqualTo(orientation >= 5 ? 20 : 40);
        assertThat(turned.getRGB(darkX, darkY) & 0xFF)
                .as("dark at %d, %d", darkX, darkY)
                .isLessThan(60);
        assertThat(turned.getRGB(lightX, lightY) & 0xFF)
                .as("light at %d, %d", lightX, lightY)
                .isGreaterThan(200);
    }

    @ParameterizedTest
    @EnumSource(Problem.class)
    void each_problem_reads_in_english_and_finnish(Problem problem) {
        var exception = new UnreadableImageException(problem, "12.0 MB", "10.0 MB");

        for (String language : Translations.LANGUAGES) {
            String message = Translations.format(language, exception.messageKey(), exception.arguments());
            assertThat(message)
                    .as(language)
                    .doesNotContain("''")
                    .doesNotContain("{0}")
                    .doesNotContain("{1}");
            assertThat(message.contains("12.0 MB"))
                    .isEqualTo(exception.getMessage().contains("12.0 MB"));
        }
    }

    private Problem problemOf(byte[] bytes) {
        UnreadableImageException refused =
                catchThrowableOfType(UnreadableImageException.class, () -> reading.read(bytes));
        assertThat(refused).as("refused").isNotNull();
        return refused.problem();
    }

    /** 40 × 20, only the top left quarter dark. */
    private static BufferedImage quarter() {
        var image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 40; x++) {
                image.setRGB(x, y, x < 20 && y < 10 ? 0x101010 : 0xF0F0F0);
            }
        }
        return image;
    }

    /** 40 × 20, the left half dark, the right half light. */
    private static BufferedImage halves() {
        var image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 40; x++) {
                image.setRGB(x, y, x < 20 ? 0x101010 : 0xF0F0F0);
            }
        }
        return image;
    }

    /**
     * The JPEG with an EXIF block (big-endian TIFF, one entry: the orientation) right after its start marker: in place
     * of its JFIF block, as phones write it, or before it.
     */
    private static byte[] withExif(byte[] jpeg, int orientation, boolean replacingJfif) {
        ByteBuffer exif = ByteBuffer.allocate(2 + 2 + 6 + 8 + 2 + 12 + 4);
        exif.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (exif.capacity() - 2));
        exif.put("Exif".getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put((byte) 0);
        exif.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        exif.putShort((short) 1);
        exif.putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0);
        exif.putInt(0);
        int rest = 2;
        if (replacingJfif) {
            assertThat(jpeg[2] & 0xFF).isEqualTo(0xFF);
            assertThat(jpeg[3] & 0xFF)
                    .as("the JFIF block follows the start marker")
                    .isEqualTo(0xE0);
            rest = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        }
        var out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(exif.array(), 0, exif.capacity());
        out.write(jpeg, rest, jpeg.length - rest);
        return out.toByteArray();
    }
}
