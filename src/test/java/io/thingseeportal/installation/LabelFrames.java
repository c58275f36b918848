package io.thingseeportal.installation;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Camera frames of a sensor label, drawn as a phone would see it: a QR code with its quiet zone on a white label,
 * turned in the plane and tilted away from the camera (a perspective projection), on a background, then blurred,
 * washed out, lit by a glare spot, noisy and JPEG-compressed, as {@link Distortion} says. For the decoder's tests and
 * its benchmark.
 */
public final class LabelFrames {

    /** A legacy label's text, as the simulator prints it. */
    public static final String LEGACY_LABEL = "EZU31901021,TSPR04";

    public static final int FRAME_WIDTH = 800;
    public static final int FRAME_HEIGHT = 600;
    private static final int QUIET_ZONE = 4;
    private static final int LABEL_PIXELS_PER_MODULE = 8;
    private static final double FOCAL_LENGTH = 800;

    private LabelFrames() {}

    /**
     * What happens to a label between the printer and the decoder.
     *
     * @param codeSize the code's width in the frame, in pixels, without its quiet zone, before any tilt
     * @param rotation in the plane, degrees
     * @param tilt away from the camera, degrees (0 = facing it)
     * @param tiltDirection the axis of the tilt, degrees in the plane
     * @param blur Gaussian blur, its sigma in modules
     * @param contrast 1 for the print as it is, 0.15 for a label barely darker than its paper
     * @param glare the strength of a glare spot on the code, 0 for none, up to 1 for white at its centre
     * @param noise the sigma of Gaussian noise, in grey levels
     * @param jpegQuality 1–100; 0 for no compression
     * @param inverted light modules on dark
     */
    public record Distortion(
            int codeSize,
            double rotation,
            double tilt,
            double tiltDirection,
            double blur,
            double contrast,
            double glare,
            double noise,
            int jpegQuality,
            boolean inverted) {

        public static Distortion clean(int codeSize) {
            return new Distortion(codeSize, 0, 0, 0, 0, 1, 0, 0, 0, false);
        }

        /**
         * A phone's frame as the decoder's benchmark draws them: a code of 80 to 360 pixels, turned by up to 30° and
         * tilted by up to 30°; then each of blur (up to half a module), low contrast (down to 0.15), a glare spot,
         * noise and strong JPEG compression (quality down to 30) on half of the frames, each at a random strength up
         * to its limit, so that a frame has any mix of them, all five on one in 32. Without them a frame has the
         * sensor noise and compression of a phone in good light.
         */
        public static Distortion random(Random random) {
            return new Distortion(
                    80 + random.nextInt(281),
                    -30 + 60 * random.nextDouble(),
                    30 * random.nextDouble(),
                    360 * random.nextDouble(),
                    random.nextBoolean() ? 0.5 * random.nextDouble() : 0,
                    random.nextBoolean() ? 0.15 + 0.85 * random.nextDouble() : 1,
                    random.nextBoolean() ? 0.3 + 0.4 * random.nextDouble() : 0,
                    random.nextBoolean() ? 6 * random.nextDouble() : 1,
                    random.nextBoolean() ? 30 + random.nextInt(61) : 92,
                    false);
        }

        /** Every distortion on every frame, each at a random strength up to its limit: harsher than a phone sees. */
        public static Distortion everythingAtOnce(Random random) {
            return new Distortion(
                    80 + random.nextInt(281),
                    -30 + 60 * random.nextDouble(),
                    30 * random.nextDouble(),
                    360 * random.nextDouble(),
                    0.5 * random.nextDouble(),
                    0.15 + 0.85 * random.nextDouble(),
                    random.nextBoolean() ? 0.3 + 0.4 * random.nextDouble() : 0,
                    6 * random.nextDouble(),
                    30 + random.nextInt(61),
                    false);
        }
    }

    /** The frame, as the phone would send it: JPEG bytes when compressed, else PNG. */
    public static byte[] frameBytes(String text, Distortion distortion, Random random) {
        BufferedImage frame = frame(text, distortion, random, false);
        return distortion.jpegQuality() > 0 ? jpeg(frame, distortion.jpegQuality()) : png(frame);
    }

    /** The frame as the decoder receives it (through the JPEG codec when compressed). */
    public static BufferedImage frame(String text, Distortion distortion, Random random) {
        return frame(text, distortion, random, true);
    }

    private static BufferedImage frame(String text, Distortion d, Random random, boolean decodeJpeg) {
        BitMatrix code = code(text);
        int modules = code.getWidth();
        double modulePixels = (double) d.codeSize() / modules;
        double labelSide = (modules + 2 * QUIET_ZONE) * modulePixels;
        // The label's corners around its centre, turned and tilted in 3D, then projected onto the frame.
        // The code stays whole in the frame (turned by 30° and nearer the camera on one side it reaches 0.8 of its
        // side from its centre); its quiet zone may be cut at the frame's edge, as in a close-up.
        double margin = Math.min(0.8 * d.codeSize() + 8, FRAME_HEIGHT / 2.0);
        double centreX = margin + random.nextDouble() * (FRAME_WIDTH - 2 * margin);
        double centreY = margin + random.nextDouble() * (FRAME_HEIGHT - 2 * margin);
        double[][] corners = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
        double[] target = new double[8];
        double[] source = new double[8];
        double labelImageSide = (modules + 2 * QUIET_ZONE) * LABEL_PIXELS_PER_MODULE;
        for (int i = 0; i < 4; i++) {
            double[] projected = project(corners[i][0] * labelSide / 2, corners[i][1] * labelSide / 2, d);
            target[2 * i] = centreX + projected[0];
            target[2 * i + 1] = centreY + projected[1];
            source[2 * i] = (corners[i][0] + 1) / 2 * labelImageSide;
            source[2 * i + 1] = (corners[i][1] + 1) / 2 * labelImageSide;
        }
        double[] frameToLabel = homography(target, source);
        double[] label = label(code);
        int labelWidth = (int) labelImageSide;
        double background = 90 + random.nextInt(60);
        double gradient = random.nextDouble() * 60 - 30;
        double[] pixels = new double[FRAME_WIDTH * FRAME_HEIGHT];
        for (int y = 0; y < FRAME_HEIGHT; y++) {
            for (int x = 0; x < FRAME_WIDTH; x++) {
                double w = frameToLabel[6] * x + frameToLabel[7] * y + 1;
                double u = (frameToLabel[0] * x + frameToLabel[1] * y + frameToLabel[2]) / w;
                double v = (frameToLabel[3] * x + frameToLabel[4] * y + frameToLabel[5]) / w;
                pixels[y * FRAME_WIDTH + x] = u >= 0 && v >= 0 && u < labelWidth - 1 && v < labelWidth - 1
                        ? bilinear(label, labelWidth, u, v)
                        : background + gradient * x / FRAME_WIDTH;
            }
        }
        pixels = blurred(pixels, d.blur() * modulePixels);
        BufferedImage frame = new BufferedImage(FRAME_WIDTH, FRAME_HEIGHT, BufferedImage.TYPE_INT_RGB);
        double glareX = centreX + (random.nextDouble() - 0.5) * labelSide * 0.5;
        double glareY = centreY + (random.nextDouble() - 0.5) * labelSide * 0.5;
        double glareRadius = labelSide * (0.12 + 0.12 * random.nextDouble());
        for (int y = 0; y < FRAME_HEIGHT; y++) {
            for (int x = 0; x < FRAME_WIDTH; x++) {
                double value = pixels[y * FRAME_WIDTH + x];
                if (d.inverted()) {
                    value = 255 - value;
                }
                value = 128 + d.contrast() * (value - 128);
                double distance = (x - glareX) * (x - glareX) + (y - glareY) * (y - glareY);
                value += (255 - value) * d.glare() * Math.exp(-distance / (2 * glareRadius * glareRadius));
                value += random.nextGaussian() * d.noise();
                int gray = (int) Math.max(0, Math.min(255, Math.round(value)));
                frame.setRGB(x, y, gray << 16 | gray << 8 | gray);
            }
        }
        if (d.jpegQuality() > 0 && decodeJpeg) {
            try {
                return ImageIO.read(new ByteArrayInputStream(jpeg(frame, d.jpegQuality())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return frame;
    }

    /** A point of the label's plane (centred, in frame pixels) turned, tilted and projected; relative to the centre. */
    private static double[] project(double x, double y, Distortion d) {
        double rotation = Math.toRadians(d.rotation());
        double rx = x * Math.cos(rotation) - y * Math.sin(rotation);
        double ry = x * Math.sin(rotation) + y * Math.cos(rotation);
        // Tilt about an axis in the plane at tiltDirection: the part across the axis leans away from the camera.
        double axis = Math.toRadians(d.tiltDirection());
        double along = rx * Math.cos(axis) + ry * Math.sin(axis);
        double across = -rx * Math.sin(axis) + ry * Math.cos(axis);
        double tilt = Math.toRadians(d.tilt());
        double depth = across * Math.sin(tilt);
        across = across * Math.cos(tilt);
        double scale = FOCAL_LENGTH / (FOCAL_LENGTH + depth);
        double px = (along * Math.cos(axis) - across * Math.sin(axis)) * scale;
        double py = (along * Math.sin(axis) + across * Math.cos(axis)) * scale;
        return new double[] {px, py};
    }

    private static BitMatrix code(String text) {
        try {
            return new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The label at 8 pixels a module: black modules (20) on white paper (235), with its quiet zone. */
    private static double[] label(BitMatrix code) {
        int side = (code.getWidth() + 2 * QUIET_ZONE) * LABEL_PIXELS_PER_MODULE;
        double[] label = new double[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int moduleX = x / LABEL_PIXELS_PER_MODULE - QUIET_ZONE;
                int moduleY = y / LABEL_PIXELS_PER_MODULE - QUIET_ZONE;
                boolean dark = moduleX >= 0
                        && moduleY >= 0
                        && moduleX < code.getWidth()
                        && moduleY < code.getHeight()
                        && code.get(moduleX, moduleY);
                label[y * side + x] = dark ? 20 : 235;
            }
        }
        return label;
    }

    private static double bilinear(double[] image, int width, double u, double v) {
        int x = (int) u;
        int y = (int) v;
        double fx = u - x;
        double fy = v - y;
        double top = image[y * width + x] * (1 - fx) + image[y * width + x + 1] * fx;
        double bottom = image[(y + 1) * width + x] * (1 - fx) + image[(y + 1) * width + x + 1] * fx;
        return top * (1 - fy) + bottom * fy;
    }

    private static double[] blurred(double[] pixels, double sigma) {
        if (sigma < 0.3) {
            return pixels;
        }
        int radius = (int) Math.ceil(3 * sigma);
        double[] kernel = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += kernel[i + radius];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= sum;
        }
        double[] across = new double[pixels.length];
        for (int y = 0; y < FRAME_HEIGHT; y++) {
            for (int x = 0; x < FRAME_WIDTH; x++) {
                double value = 0;
                for (int i = -radius; i <= radius; i++) {
                    int sx = Math.max(0, Math.min(FRAME_WIDTH - 1, x + i));
                    value += kernel[i + radius] * pixels[y * FRAME_WIDTH + sx];
                }
                across[y * FRAME_WIDTH + x] = value;
            }
        }
        double[] out = new double[pixels.length];
        for (int y = 0; y < FRAME_HEIGHT; y++) {
            for (int x = 0; x < FRAME_WIDTH; x++) {
                double value = 0;
                for (int i = -radius; i <= radius; i++) {
                    int sy = Math.max(0, Math.min(FRAME_HEIGHT - 1, y + i));
                    value += kernel[i + radius] * across[sy * FRAME_WIDTH + x];
                }
                out[y * FRAME_WIDTH + x] = value;
            }
        }
        return out;
    }

    /**
     * The projective transform that takes the four points {@code from} (x0, y0, … x3, y3) to {@code to}: the eight
     * coefficients a…h of {@code x' = (a x + b y + c) / (g x + h y + 1)}, {@code y' = (d x + e y + f) / (g x + h y + 1)}.
     */
    static double[] homography(double[] from, double[] to) {
        double[][] system = new double[8][9];
        for (int i = 0; i < 4; i++) {
            double x = from[2 * i];
            double y = from[2 * i + 1];
            double u = to[2 * i];
            double v = to[2 * i + 1];
            system[2 * i] = new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
            system[2 * i + 1] = new double[] {0, 0, 0, x, y, 1, -v * x, -v * y, v};
        }
        for (int column = 0; column < 8; column++) {
            int pivot = column;
            for (int row = column + 1; row < 8; row++) {
                if (Math.abs(system[row][column]) > Math.abs(system[pivot][column])) {
                    pivot = row;
                }
            }
            double[] swap = system[column];
            system[column] = system[pivot];
            system[pivot] = swap;
            for (int row = 0; row < 8; row++) {
                if (row != column) {
                    double factor = system[row][column] / system[column][column];
                    for (int k = column; k < 9; k++) {
                        system[row][k] -= factor * system[column][k];
                    }
                }
            }
        }
        double[] coefficients = new double[8];
        for (int i = 0; i < 8; i++) {
            coefficients[i] = system[i][8] / system[i][i];
        }
        return coefficients;
    }

    public static byte[] jpeg(BufferedImage image, int quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var bytes = new ByteArrayOutputStream();
        try (var output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            parameters.setCompressionQuality(quality / 100f);
            writer.write(null, new IIOImage(image, null, null), parameters);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * The frame as a Y4M video of a few identical frames (4:2:0, grey), which Chromium plays as its fake camera
     * ({@code --use-file-for-fake-video-capture}).
     */
    public static void y4m(BufferedImage frame, java.nio.file.Path file) {
        int width = frame.getWidth() & ~1;
        int height = frame.getHeight() & ~1;
        byte[] luma = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                luma[y * width + x] = (byte) (frame.getRGB(x, y) & 0xFF);
            }
        }
        byte[] chroma = new byte[(width / 2) * (height / 2)];
        java.util.Arrays.fill(chroma, (byte) 128);
        try (var out = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(file))) {
            out.write(("YUV4MPEG2 W" + width + " H" + height + " F10:1 Ip A1:1 C420jpeg\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            for (int i = 0; i < 5; i++) {
                out.write("FRAME\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.write(luma);
                out.write(chroma);
                out.write(chroma);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] png(BufferedImage image) {
        var bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
