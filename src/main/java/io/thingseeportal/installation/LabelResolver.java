package io.thingseeportal.installation;

import io.thingseeportal.device.ProductType;
import io.thingseeportal.installation.LabelReading.Format;
import io.thingseeportal.installation.LabelReading.NotASensor;
import io.thingseeportal.installation.LabelReading.Reason;
import io.thingseeportal.installation.LabelReading.Sensor;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads every label format of REFERENCE 4.1 into a TUID, whether the text came from a QR code or was typed: the legacy
 * {@code PSN,IMC}, Haltian's {@code I#…,W#…,S#…}, a bare TUID and the {@code thingsee.com/d/} address. Anything else
 * gets the most specific reason it is not a sensor's label that the text allows.
 */
public final class LabelResolver {

    static final int IMC_LENGTH = 6;
    private static final int PSN_LENGTH = 11;
    private static final int LONGEST_LABEL = 512;
    /** Thingsee's own model codes start so (production, R&D); REFERENCE 4.2 lists the products known today. */
    private static final Set<String> THINGSEE_COMPANIES = Set.of("TS", "XX");

    private static final Pattern TUID = Pattern.compile("[A-Z0-9]{17}");
    private static final Pattern PSN = Pattern.compile("[A-Z0-9]{" + PSN_LENGTH + "}");
    private static final Pattern IMC = Pattern.compile("[A-Z0-9]{" + IMC_LENGTH + "}");
    private static final Pattern ID = Pattern.compile("[A-Z0-9]{1,58}");
    private static final Pattern MARKED = Pattern.compile("([A-Z])#(.*)");
    private static final Pattern WEB_ADDRESS = Pattern.compile("(?i)(https?://|www\\.)\\S*");
    private static final Pattern THINGSEE_ADDRESS = Pattern.compile("(?i)/d/([a-z0-9]{17})/?");
    private static final Pattern WIREPAS_NODE_ID = Pattern.compile("[0-9]{1,10}");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]{22,}={0,2}");
    /** What an installer may type between the parts of a TUID, or a QR code may end with. */
    private static final Pattern TYPED_SEPARATORS = Pattern.compile("[\\s-]");

    private LabelResolver() {}

    /** A label's text, as a QR code holds it or as an installer typed it. */
    public static LabelReading resolve(@Nullable String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return NotASensor.of(Reason.EMPTY, "");
        }
        if (trimmed.length() > LONGEST_LABEL) {
            return NotASensor.of(Reason.NOT_A_LABEL, trimmed);
        }
        if (WEB_ADDRESS.matcher(trimmed).matches()) {
            return webAddress(trimmed);
        }
        String upper = trimmed.toUpperCase(Locale.ROOT);
        if (upper.startsWith("V1,")) {
            return NotASensor.of(Reason.STACK_CREDENTIALS, trimmed);
        }
        if (upper.contains("#")) {
            return haltian(trimmed, upper);
        }
        if (upper.contains(",")) {
            String[] parts = upper.split(",", -1);
            return fromParts(parts[0].strip(), parts[1].strip(), Format.LEGACY, null, trimmed);
        }
        String compact = TYPED_SEPARATORS.matcher(upper).replaceAll("");
        if (TUID.matcher(compact).matches()) {
            return sensor(compact, Format.TUID, null);
        }
        if (WIREPAS_NODE_ID.matcher(compact).matches() && Long.parseLong(compact) <= 0xFFFF_FFFFL) {
            return NotASensor.of(Reason.WIREPAS_NODE_ID, compact);
        }
        if (isEncrypted(trimmed)) {
            return NotASensor.of(Reason.STACK_CREDENTIALS, trimmed);
        }
        return NotASensor.of(Reason.NOT_A_LABEL, trimmed);
    }

    /** A PSN and an IMC typed into fields of their own. */
    public static LabelReading resolve(@Nullable String psn, @Nullable String imc) {
        String serial = psn == null
                ? ""
                : TYPED_SEPARATORS.matcher(psn.toUpperCase(Locale.ROOT)).replaceAll("");
        String model = imc == null
                ? ""
                : TYPED_SEPARATORS.matcher(imc.toUpperCase(Locale.ROOT)).replaceAll("");
        if (serial.isEmpty() && model.isEmpty()) {
            return NotASensor.of(Reason.EMPTY, "");
        }
        return fromParts(serial, model, Format.LEGACY, null, serial + "," + model);
    }

    /** {@code PSN,IMC}: the serial of 11 characters first, then the model code of 6 (REFERENCE 4.1). */
    private static LabelReading fromParts(
            String psn, String imc, Format format, @Nullable String nodeId, String original) {
        if (!PSN.matcher(psn).matches() || !IMC.matcher(imc).matches()) {
            return NotASensor.of(Reason.NOT_A_LABEL, original);
        }
        return sensor(imc + psn, format, nodeId);
    }

    /** {@code I#{IMC},W#{node id},S#{PSN}}: segments of a marker, {@code #} and a value, in any order. */
    private static LabelReading haltian(String original, String upper) {
        Map<String, String> segments = new HashMap<>();
        for (String segment : upper.split(",")) {
            Matcher marked = MARKED.matcher(segment.strip());
            if (!marked.matches()) {
                return NotASensor.of(Reason.NOT_A_LABEL, original);
            }
            segments.put(marked.group(1), marked.group(2).strip());
        }
        String imc = segments.getOrDefault("I", "");
        String serial = segments.getOrDefault("S", "");
        String nodeId = segments.get("W");
        if (!IMC.matcher(imc).matches() || !ID.matcher(serial).matches()) {
            if (imc.isEmpty()
                    && serial.isEmpty()
                    && nodeId != null
                    && WIREPAS_NODE_ID.matcher(nodeId).matches()) {
                return NotASensor.of(Reason.WIREPAS_NODE_ID, nodeId);
            }
            return NotASensor.of(Reason.NOT_A_LABEL, original);
        }
        return sensor(imc + serial, Format.HALTIAN, nodeId);
    }

    private static LabelReading webAddress(String address) {
        try {
            URI uri = new URI(address.regionMatches(true, 0, "www.", 0, 4) ? "https://" + address : address);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            Matcher path = THINGSEE_ADDRESS.matcher(uri.getPath() == null ? "" : uri.getPath());
            if ((host.equals("thingsee.com") || host.equals("www.thingsee.com")) && path.matches()) {
                return sensor(path.group(1).toUpperCase(Locale.ROOT), Format.URL, null);
            }
        } catch (URISyntaxException e) {
            // Not even a well-formed address: still one, for the installer.
        }
        return NotASensor.of(Reason.WEB_ADDRESS, address);
    }

    /** A TUID of a known Thingsee product or of a Thingsee model code; another maker's IMC is not installed here. */
    private static LabelReading sensor(String tuid, Format format, @Nullable String nodeId) {
        Optional<ProductType> product = ProductType.ofTuid(tuid);
        if (product.isEmpty() && !THINGSEE_COMPANIES.contains(tuid.substring(0, 2))) {
            return NotASensor.of(Reason.OTHER_VENDOR, tuid);
        }
        return new Sensor(tuid, product, format, nodeId);
    }

    /**
     * Haltian's stack codes are base64 of AES-encrypted text (REFERENCE 4.1): whole 16-byte blocks. Text that decodes
     * so is taken for one; a sensor label never is base64.
     */
    private static boolean isEncrypted(String text) {
        if (!BASE64.matcher(text).matches() || text.length() % 4 != 0) {
            return false;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            return bytes.length >= 16 && bytes.length % 16 == 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
