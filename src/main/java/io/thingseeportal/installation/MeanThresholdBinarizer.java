package io.thingseeportal.installation;

import com.google.zxing.Binarizer;
import com.google.zxing.LuminanceSource;
import com.google.zxing.common.BitArray;
import com.google.zxing.common.BitMatrix;

/**
 * A pixel is black where it is darker than the mean of the square around it by more than a margin. zxing's own
 * binarizers judge a pixel by blocks of 8 pixels (or by the whole row); a window of a module or two instead keeps the
 * modules of a small, blurred, washed-out code apart, and a wider one rides over a glare spot on a large code. The mean
 * comes from the image's summed-area table ({@link GrayImage#integral()}), so any window costs the same.
 */
final class MeanThresholdBinarizer extends Binarizer {

    private final int radius;
    private final int margin;
    private BitMatrix matrix;

    /**
     * @param radius the window reaches this many pixels each way
     * @param margin how much darker than the mean a black pixel is, in grey levels (0 to 255)
     */
    MeanThresholdBinarizer(LuminanceSource source, int radius, int margin) {
        super(source);
        this.radius = radius;
        this.margin = margin;
    }

    @Override
    public BitArray getBlackRow(int y, BitArray row) {
        return getBlackMatrix().getRow(y, row);
    }

    @Override
    public BitMatrix getBlackMatrix() {
        if (matrix == null) {
            matrix = threshold();
        }
        return matrix;
    }

    @Override
    public Binarizer createBinarizer(LuminanceSource source) {
        return new MeanThresholdBinarizer(source, radius, margin);
    }

    private BitMatrix threshold() {
        LuminanceSource source = getLuminanceSource();
        int width = source.getWidth();
        int height = source.getHeight();
        byte[] pixels = source.getMatrix();
        var image = new GrayImage(width, height, pixels);
        long[] sums = image.integral();
        var black = new BitMatrix(width, height);
        for (int y = 0; y < height; y++) {
            int top = Math.max(0, y - radius);
            int bottom = Math.min(height, y + radius + 1);
            for (int x = 0; x < width; x++) {
                int left = Math.max(0, x - radius);
                int right = Math.min(width, x + radius + 1);
                long sum = image.box(sums, left, top, right, bottom);
                long area = (long) (right - left) * (bottom - top);
                // pixel < mean - margin, in whole numbers: pixel * area < sum - margin * area
                if ((long) ((pixels[y * width + x] & 0xFF) + margin) * area < sum) {
                    black.set(x, y);
                }
            }
        }
        return black;
    }
}
