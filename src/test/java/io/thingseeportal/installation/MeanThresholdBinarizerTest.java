package io.thingseeportal.installation;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.common.BitMatrix;
import org.junit.jupiter.api.Test;

class MeanThresholdBinarizerTest {

    /** A faint checkerboard of 3-pixel squares, 12 grey levels deep, on light that brightens from left to right. */
    private static GrayImage faintSquaresUnderGlare() {
        int width = 120;
        int height = 60;
        byte[] pixels = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int light = 110 + x; // 110 at the left, 229 at the right
                int dark = ((x / 3) + (y / 3)) % 2 == 0 ? 12 : 0;
                pixels[y * width + x] = (byte) (light - dark);
            }
        }
        return new GrayImage(width, height, pixels);
    }

    @Test
    void each_faint_square_is_black_or_white_by_its_neighbourhood_whatever_the_light() {
        GrayImage image = faintSquaresUnderGlare();

        BitMatrix black = new MeanThresholdBinarizer(image.luminance(), 3, 2).getBlackMatrix();

        int right = 0;
        int checked = 0;
        for (int y = 4; y < 56; y += 3) {
            for (int x = 4; x < 116; x += 3) {
                boolean dark = ((x / 3) + (y / 3)) % 2 == 0;
                right += black.get(x, y) == dark ? 1 : 0;
                checked++;
            }
        }
        assertThat(right).isEqualTo(checked);
    }
}
