package io.thingseeportal.demo.https;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * A QR code as lines of text for a phone to read off a terminal: Unicode half blocks, two rows of modules to a line,
 * as character cells are about twice as high as wide. Light modules are the drawn ones and dark ones are left blank:
 * right on a terminal that draws light text on a dark background (where it cannot say so with colours, as the log
 * does where it can).
 */
final class ConsoleQrCode {

    /** The standard's four modules: less, and the code runs into the log's text. */
    static final int QUIET_ZONE = 4;

    private ConsoleQrCode() {}

    static String render(String text) {
        BitMatrix dark = encode(text);
        StringBuilder lines = new StringBuilder();
        for (int y = 0; y < dark.getHeight(); y += 2) {
            for (int x = 0; x < dark.getWidth(); x++) {
                boolean top = !dark.get(x, y);
                // An odd height leaves the last line's lower half outside the matrix: light, as more quiet zone.
                boolean bottom = y + 1 == dark.getHeight() || !dark.get(x, y + 1);
                lines.append(top ? (bottom ? '█' : '▀') : (bottom ? '▄' : ' '));
            }
            lines.append('\n');
        }
        return lines.toString();
    }

    private static BitMatrix encode(String text) {
        try {
            // Width and height 0: one matrix cell per module, the quiet zone included.
            return new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(
                                    EncodeHintType.MARGIN,
                                    QUIET_ZONE,
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Too long for a QR code: " + text, e);
        }
    }
}
