package io.thingseeportal.installation;

import com.google.zxing.LuminanceSource;
import com.google.zxing.PlanarYUVLuminanceSource;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * An image's luminance, one byte a pixel, row by row, and the clean-ups the {@link QrDecoder} tries when a frame does
 * not read as it is: each returns a new image and leaves this one as it was.
 */
record GrayImage(int width, int height, byte[] pixels) {

    static GrayImage of(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] gray = new byte[width * height];
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY
                && image.getRaster().getDataBuffer() instanceof DataBufferByte buffer
                && buffer.getData().length == gray.length) {
            System.arraycopy(buffer.getData(), 0, gray, 0, gray.length);
            return new GrayImage(width, height, gray);
        }
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int rgb = row[x];
                // ITU-R BT.601 luma in integers; a transparent pixel counts as white, as on paper.
                int alpha = rgb >>> 24;
                int luma = (306 * ((rgb >> 16) & 0xFF) + 601 * ((rgb >> 8) & 0xFF) + 117 * (rgb & 0xFF)) >> 10;
                gray[y * width + x] = (byte) ((luma * alpha + 255 * (255 - alpha)) / 255);
            }
        }
        return new GrayImage(width, height, gray);
    }

    LuminanceSource luminance() {
        return new PlanarYUVLuminanceSource(pixels, width, height, 0, 0, width, height, false);
    }

    int at(int x, int y) {
        return pixels[y * width + x] & 0xFF;
    }

    /**
     * The darkest percent mapped to black and the brightest to white: a label lit weakly or photographed through
     * haze gets its full range back. An image without a range to stretch stays as it is.
     */
    GrayImage stretched() {
        int[] histogram = new int[256];
        for (byte pixel : pixels) {
            histogram[pixel & 0xFF]++;
        }
        int tail = pixels.length / 100;
        int low = 0;
        int darker = histogram[0];
        while (darker <= tail && low < 255) {
            darker += histogram[++low];
        }
        int high = 255;
        int brighter = histogram[255];
        while (brighter <= tail && high > 0) {
            brighter += histogram[--high];
        }
        if (high - low < 8) {
            return this;
        }
        byte[] table = new byte[256];
        for (int value = 0; value < 256; value++) {
            table[value] = (byte) clamp((value - low) * 255 / (high - low));
        }
        byte[] out = new byte[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            out[i] = table[pixels[i] & 0xFF];
        }
        return new GrayImage(width, height, out);
    }

    /**
     * Each pixel against the mean and spread of its neighbourhood (a square of {@code 2 * radius + 1} pixels): a glare
     * spot or a shadow across the label loses its brightness and keeps its contrast.
     */
    GrayImage locallyNormalized(int radius) {
        int stride = width + 1;
        long[] sums = integral();
        long[] squares = new long[stride * (height + 1)];
        for (int y = 0; y < height; y++) {
            long row = 0;
            for (int x = 0; x < width; x++) {
                int value = pixels[y * width + x] & 0xFF;
                row += value * value;
                squares[(y + 1) * stride + x + 1] = squares[y * stride + x + 1] + row;
            }
        }
        byte[] out = new byte[pixels.length];
        for (int y = 0; y < height; y++) {
            int top = Math.max(0, y - radius);
            int bottom = Math.min(height, y + radius + 1);
            for (int x = 0; x < width; x++) {
                int left = Math.max(0, x - radius);
                int right = Math.min(width, x + radius + 1);
                double count = (double) (bottom - top) * (right - left);
                double mean = box(sums, left, top, right, bottom) / count;
                double variance = box(squares, left, top, right, bottom) / count - mean * mean;
                double deviation = Math.sqrt(Math.max(0, variance));
                double value = 128 + 64 * ((pixels[y * width + x] & 0xFF) - mean) / (deviation + 4);
                out[y * width + x] = (byte) clamp((int) value);
            }
        }
        return new GrayImage(width, height, out);
    }

    /** The sum of the pixels in [left, right) × [top, bottom), from an {@link #integral()} table of this image. */
    long box(long[] table, int left, int top, int right, int bottom) {
        int stride = width + 1;
        return table[bottom * stride + right]
                - table[top * stride + right]
                - table[bottom * stride + left]
                + table[top * stride + left];
    }

    /**
     * An unsharp mask: each pixel pushed away from the mean of its neighbourhood (a square of {@code 2 * radius + 1}
     * pixels) by {@code amount} times its difference from it, for a label out of focus.
     */
    GrayImage sharpened(int radius, double amount) {
        long[] sums = integral();
        byte[] out = new byte[pixels.length];
        for (int y = 0; y < height; y++) {
            int top = Math.max(0, y - radius);
            int bottom = Math.min(height, y + radius + 1);
            for (int x = 0; x < width; x++) {
                int left = Math.max(0, x - radius);
                int right = Math.min(width, x + radius + 1);
                double mean = (double) box(sums, left, top, right, bottom) / ((bottom - top) * (right - left));
                int value = pixels[y * width + x] & 0xFF;
                out[y * width + x] = (byte) clamp((int) Math.round(value + amount * (value - mean)));
            }
        }
        return new GrayImage(width, height, out);
    }

    /** The sums of all pixels above and left of each point, one row and column more than the image. */
    long[] integral() {
        int stride = width + 1;
        long[] sums = new long[stride * (height + 1)];
        for (int y = 0; y < height; y++) {
            long row = 0;
            for (int x = 0; x < width; x++) {
                row += pixels[y * width + x] & 0xFF;
                sums[(y + 1) * stride + x + 1] = sums[y * stride + x + 1] + row;
            }
        }
        return sums;
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    /**
     * Scaled by a factor: up (bilinear) for a code of a few pixels a module; down (each pixel the mean of the ones it
     * covers, which also evens out noise and JPEG blocks) for a large code, whose modules then fit the binarizer's
     * blocks.
     */
    GrayImage scaled(double factor) {
        return factor < 1 ? shrunk(factor) : enlarged(factor);
    }

    private GrayImage shrunk(double factor) {
        int scaledWidth = Math.max(1, (int) (width * factor));
        int scaledHeight = Math.max(1, (int) (height * factor));
        byte[] out = new byte[scaledWidth * scaledHeight];
        for (int y = 0; y < scaledHeight; y++) {
            int top = (int) (y / factor);
            int bottom = Math.max(top + 1, Math.min(height, (int) ((y + 1) / factor)));
            for (int x = 0; x < scaledWidth; x++) {
                int left = (int) (x / factor);
                int right = Math.max(left + 1, Math.min(width, (int) ((x + 1) / factor)));
                int sum = 0;
                for (int sy = top; sy < bottom; sy++) {
                    for (int sx = left; sx < right; sx++) {
                        sum += pixels[sy * width + sx] & 0xFF;
                    }
                }
                out[y * scaledWidth + x] = (byte) (sum / ((bottom - top) * (right - left)));
            }
        }
        return new GrayImage(scaledWidth, scaledHeight, out);
    }

    private GrayImage enlarged(double factor) {
        int scaledWidth = Math.max(1, (int) Math.round(width * factor));
        int scaledHeight = Math.max(1, (int) Math.round(height * factor));
        byte[] out = new byte[scaledWidth * scaledHeight];
        for (int y = 0; y < scaledHeight; y++) {
            double sourceY = Math.min(height - 1.0, Math.max(0, (y + 0.5) / factor - 0.5));
            int y0 = (int) sourceY;
            int y1 = Math.min(height - 1, y0 + 1);
            double fy = sourceY - y0;
            for (int x = 0; x < scaledWidth; x++) {
                double sourceX = Math.min(width - 1.0, Math.max(0, (x + 0.5) / factor - 0.5));
                int x0 = (int) sourceX;
                int x1 = Math.min(width - 1, x0 + 1);
                double fx = sourceX - x0;
                double top = at(x0, y0) * (1 - fx) + at(x1, y0) * fx;
                double bottom = at(x0, y1) * (1 - fx) + at(x1, y1) * fx;
                out[y * scaledWidth + x] = (byte) (int) Math.round(top * (1 - fy) + bottom * fy);
            }
        }
        return new GrayImage(scaledWidth, scaledHeight, out);
    }
}
