package io.thingseeportal.installation;

import io.thingseeportal.device.ProductType;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** What a sensor label's text says: a Thingsee device's TUID, or why the text is not a sensor label. */
public sealed interface LabelReading {

    /** The longest part of an unreadable text that a message repeats back. */
    int SHOWN_LENGTH = 40;

    /**
     * A Thingsee device.
     *
     * @param tuid its TUID, IMC + PSN, in upper case
     * @param product its product, empty for an IMC that starts like Thingsee's but that REFERENCE 4.2 does not list
     * @param wirepasNodeId the node id of an {@code I#…,W#…,S#…} label, else null
     */
    record Sensor(
            String tuid,
            Optional<ProductType> product,
            Format format,
            @Nullable String wirepasNodeId) implements LabelReading {

        /** The model code: the TUID's first six characters. */
        public String imc() {
            return tuid.substring(0, LabelResolver.IMC_LENGTH);
        }
    }

    /**
     * Not a Thingsee sensor's label.
     *
     * @param shown the part of the text that the message repeats: at most {@link #SHOWN_LENGTH} characters
     */
    record NotASensor(Reason reason, String shown) implements LabelReading {

        static NotASensor of(Reason reason, String text) {
            String oneLine = text.strip().replaceAll("\\s+", " ");
            return new NotASensor(
                    reason, oneLine.length() <= SHOWN_LENGTH ? oneLine : oneLine.substring(0, SHOWN_LENGTH) + "…");
        }

        /**
         * The translation key of the explanation, for example {@code label.not-a-sensor.web-address}: translate it with
         * {@link #shown()} as its argument, also where the sentence does not repeat it.
         */
        public String messageKey() {
            return "label.not-a-sensor."
                    + reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The English explanation, for logs and APIs. */
        public String describe() {
            return reason.english.formatted(shown);
        }
    }

    /** How the label wrote the device's identity (REFERENCE 4.1). */
    enum Format {
        /** {@code {PSN},{IMC}[,…]}, Thingsee's original sticker. */
        LEGACY,
        /** {@code I#{IMC},W#{node id},S#{PSN}}, the newer Haltian IoT label. */
        HALTIAN,
        /** The TUID itself, on a label or typed. */
        TUID,
        /** {@code https://thingsee.com/d/{TUID}}. */
        URL
    }

    /** Why a text is not a sensor label, in words an installer can act on. */
    enum Reason {
        EMPTY("Nothing was read. Scan the QR code on the sensor, or type its TUID."),
        WEB_ADDRESS("This is a web address (%s), not a sensor's code. Scan the QR code on the sensor itself."),
        STACK_CREDENTIALS("This is a Haltian code for connecting an app to a Thingsee stack, not a sensor's code."
                + " Scan the QR code on the sensor itself."),
        WIREPAS_NODE_ID("%s is a Wirepas node id, not a sensor's TUID. Scan the QR code on the sensor, or type the"
                + " TUID printed beside it."),
        OTHER_VENDOR("%s is a device of another maker (its model code is not Thingsee's). Only Thingsee sensors can"
                + " be installed here."),
        NOT_A_LABEL("'%s' is not a Thingsee sensor's code. A sensor's QR code holds its serial and model code,"
                + " for example EZU31901021,TSPR04.");

        private final String english;

        Reason(String english) {
            this.english = english;
        }
    }
}
