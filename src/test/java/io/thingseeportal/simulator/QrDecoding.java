package io.thingseeportal.simulator;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/** Reads QR codes back with zxing's own decoder, as a phone's scanner would. */
public final class QrDecoding {

    private static final String DATA_URI_PREFIX = "data:image/png;base64,";

    private QrDecoding() {}

    public static String decodeDataUri(String uri) {
        if (!uri.startsWith(DATA_URI_PREFIX)) {
            throw new IllegalArgumentException("not a PNG data URI: " + uri);
        }
        return decode(Base64.getDecoder().decode(uri.substring(DATA_URI_PREFIX.length())));
    }

    public static String decode(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            var bitmap = new BinaryBitmap(new HybridBinarizer(new ImageLuminance(image)));
            return new QRCodeReader().decode(bitmap).getText();
        } catch (IOException | NotFoundException | ChecksumException | FormatException e) {
            throw new AssertionError("no readable QR code: " + e, e);
        }
    }

    /** The grey levels of an image, as zxing reads them. */
    private static final class ImageLuminance extends LuminanceSource {

        private final byte[] pixels;

        ImageLuminance(BufferedImage image) {
            super(image.getWidth(), image.getHeight());
            pixels = new byte[image.getWidth() * image.getHeight()];
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int rgb = image.getRGB(x, y);
                    int grey = (((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF)) / 3;
                    pixels[y * image.getWidth() + x] = (byte) grey;
                }
            }
        }

        @Override
        public byte[] getRow(int y, byte[] row) {
            byte[] result = row != null && row.length >= getWidth() ? row : new byte[getWidth()];
            System.arraycopy(pixels, y * getWidth(), result, 0, getWidth());
            return result;
        }

        @Override
        public byte[] getMatrix() {
            return pixels.clone();
        }
    }
}
