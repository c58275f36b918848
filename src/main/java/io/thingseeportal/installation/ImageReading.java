package io.thingseeportal.installation;

import io.thingseeportal.installation.UnreadableImageException.Problem;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads an uploaded photo or a camera frame into an image that is upright, within limits that are checked before any
 * pixel is decoded: the file's size first, then the width and height that its header declares, so that a small file
 * that declares a huge image never fills the memory.
 *
 * <p>A photo larger than needed is decoded at a fraction of its pixels (every n-th row and column), so that a
 * 50-megapixel photo costs the memory of a few megapixels.
 *
 * @param maxBytes the largest file read
 * @param maxPixels the largest width × height read
 * @param longestSide the long side that the image is decoded at, or the next size up
 */
public record ImageReading(long maxBytes, long maxPixels, int longestSide) {

    /** What was read. {@code damaged}: the decoder warned (a file cut short, for one), and part may be missing. */
    public record Image(BufferedImage image, boolean damaged) {}

    public Image read(byte[] bytes) throws UnreadableImageException {
        if (bytes.length == 0) {
            throw new UnreadableImageException(Problem.EMPTY);
        }
        if (bytes.length > maxBytes) {
            throw new UnreadableImageException(Problem.TOO_LARGE, megabytes(bytes.length), megabytes(maxBytes));
        }
        int orientation = JpegFiles.orientation(bytes);
        try {
            Image image = decoded(bytes);
            return new Image(upright(image.image(), orientation), image.damaged());
        } catch (UnreadableImageException e) {
            if (e.problem() != Problem.DAMAGED || !JpegFiles.isJpeg(bytes)) {
                throw e;
            }
            // Java's reader refuses some phones' blocks before the image data; the image does not need them.
            Image plain = decoded(JpegFiles.withoutApplicationBlocks(bytes));
            return new Image(upright(plain.image(), orientation), plain.damaged());
        }
    }

    private Image decoded(byte[] bytes) throws UnreadableImageException {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new UnreadableImageException(Problem.NOT_AN_IMAGE);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > maxPixels) {
                    throw new UnreadableImageException(
                            Problem.TOO_MANY_PIXELS,
                            reader.getWidth(0) + " × " + reader.getHeight(0),
                            String.format(java.util.Locale.ROOT, "%,d", maxPixels));
                }
                var warned = new boolean[1];
                reader.addIIOReadWarningListener(warningsTo(warned));
                ImageReadParam parameters = reader.getDefaultReadParam();
                int every = Math.max(1, Math.max(reader.getWidth(0), reader.getHeight(0)) / longestSide);
                parameters.setSourceSubsampling(every, every, 0, 0);
                return new Image(reader.read(0, parameters), warned[0]);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // ImageIO's readers throw IIOException for a broken file and, for some, runtime exceptions.
            throw new UnreadableImageException(Problem.DAMAGED);
        }
    }

    private static IIOReadWarningListener warningsTo(boolean[] warned) {
        return (source, warning) -> warned[0] = true;
    }

    /** Turned as EXIF orientation 1–8 says the camera was held; other values leave the image as it is. */
    static BufferedImage upright(BufferedImage image, int orientation) {
        int width = image.getWidth();
        int height = image.getHeight();
        AffineTransform transform = new AffineTransform();
        switch (orientation) {
            case 2 -> transform.setTransform(-1, 0, 0, 1, width, 0);
            case 3 -> transform.setTransform(-1, 0, 0, -1, width, height);
            case 4 -> transform.setTransform(1, 0, 0, -1, 0, height);
            case 5 -> transform.setTransform(0, 1, 1, 0, 0, 0);
            case 6 -> transform.setTransform(0, 1, -1, 0, height, 0);
            case 7 -> transform.setTransform(0, -1, -1, 0, height, width);
            case 8 -> transform.setTransform(0, -1, 1, 0, 0, width);
            default -> {
                return image;
            }
        }
        boolean turned = orientation >= 5;
        BufferedImage target =
                new BufferedImage(turned ? height : width, turned ? width : height, BufferedImage.TYPE_INT_RGB);
        var graphics = target.createGraphics();
        try {
            graphics.drawImage(image, transform, null);
        } finally {
            graphics.dispose();
        }
        return target;
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
