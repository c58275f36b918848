package io.thingseeportal.demo.https;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleQrCodeTest {

    private static final String ADDRESS = "https://192.168.1.20:8443";

    /** Pixels a module is drawn with, as a camera sees a terminal's characters: several pixels each. */
    private static final int SCALE = 4;

    @Test
    void the_console_qr_code_decodes_to_the_address() throws Exception {
        String text = ConsoleQrCode.render(ADDRESS);

        assertThat(decode(text)).isEqualTo(ADDRESS);
    }

    @Test
    void the_code_has_a_drawn_quiet_zone_all_round() {
        List<String> lines = ConsoleQrCode.render(ADDRESS).lines().toList();

        assertThat(lines.get(0)).matches("█+");
        assertThat(lines.get(1)).matches("█+");
        assertThat(lines)
                .allSatisfy(line -> assertThat(line)
                        .hasSize(lines.get(0).length())
                        .startsWith("█".repeat(ConsoleQrCode.QUIET_ZONE))
                        .endsWith("█".repeat(ConsoleQrCode.QUIET_ZONE)));
    }

    /** Reads the text as a terminal shows it: drawn halves light, blank ones the dark background. */
    private static String decode(String text) throws Exception {
        List<String> lines = text.lines().toList();
        int width = lines.get(0).length() * SCALE;
        int height = lines.size() * 2 * SCALE;
        int[] pixels = new int[width * height];
        for (int row = 0; row < lines.size(); row++) {
            String line = lines.get(row);
            for (int column = 0; column < line.length(); column++) {
                char cell = line.charAt(column);
                paint(pixels, width, column, row * 2, cell == '█' || cell == '▀');
                paint(pixels, width, column, row * 2 + 1, cell == '█' || cell == '▄');
            }
        }
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
        return new QRCodeReader().decode(bitmap).getText();
    }

    private static void paint(int[] pixels, int width, int moduleX, int moduleY, boolean light) {
        for (int y = moduleY * SCALE; y < (moduleY + 1) * SCALE; y++) {
            for (int x = moduleX * SCALE; x < (moduleX + 1) * SCALE; x++) {
                pixels[y * width + x] = light ? 0xFFFFFF : 0x000000;
            }
        }
    }
}
