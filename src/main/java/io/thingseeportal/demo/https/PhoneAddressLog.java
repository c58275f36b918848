package io.thingseeportal.demo.https;

import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ansi.AnsiBackground;
import org.springframework.boot.ansi.AnsiColor;
import org.springframework.boot.ansi.AnsiOutput;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/** Says, once the demo is ready, which address to open on a phone, with a QR code of it for the phone's camera. */
class PhoneAddressLog {

    private static final Logger log = LoggerFactory.getLogger(PhoneAddressLog.class);

    private final DemoHttpsConnector https;

    PhoneAddressLog(DemoHttpsConnector https) {
        this.https = https;
    }

    @EventListener(ApplicationReadyEvent.class)
    void tellTheAddress() {
        String address = https.phoneAddress();
        log.info("""
                On a phone on the same network, open {} or scan this code with its camera.
                The browser warns that the connection is not private: the demo's certificate is its own \
                (self-signed). Choose Advanced > Proceed (Chrome) or Show Details > visit this website (Safari), \
                then sign in as acme-installer, password demo.
                {}""", address, colouredWhereTheTerminalAllows(ConsoleQrCode.render(address)));
    }

    /** Light on dark whatever the terminal's own colours, so that the code is never read inverted. */
    private static String colouredWhereTheTerminalAllows(String qrCode) {
        return qrCode.lines()
                .map(line -> AnsiOutput.toString(AnsiColor.BRIGHT_WHITE, AnsiBackground.BLACK, line))
                .collect(Collectors.joining("\n"));
    }
}
