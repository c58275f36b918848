package io.thingseeportal.installation;

/** What scanning one camera frame or photo came to. */
public sealed interface LabelScan {

    /** A QR code was read; what it says may still be {@link LabelReading.NotASensor}. */
    record Found(LabelReading reading) implements LabelScan {}

    /**
     * No QR code in the image.
     *
     * @param damaged the image was damaged or cut short, so part of it may be missing
     */
    record NoCode(boolean damaged) implements LabelScan {}

    /** Every decoder was busy: the frame was dropped, and the scanner sends the next one. */
    record Dropped() implements LabelScan {}

    /** The image could not be looked at (too large, not an image, ...). */
    record Unreadable(UnreadableImageException problem) implements LabelScan {}
}
