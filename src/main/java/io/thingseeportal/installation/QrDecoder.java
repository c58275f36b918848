package io.thingseeportal.installation;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Finds and reads a QR code in a camera frame or a photo, with zxing. When the frame does not read as it is, it tries
 * what helps a dim basement, a glossy label or a shaky hand, cheapest first: the frame halved, its contrast stretched,
 * glare and shadows evened out, the image sharpened, other binarizers, and the image inverted (a label shown on a
 * phone in dark mode). It stops at the first read, or when the time limit is up (checked between attempts).
 *
 * <p>Plain Java with no Spring or UI: the installer's scanner, the photo upload and the benchmarks call it alike. It is
 * safe to use from several threads.
 */
public final class QrDecoder {

    /** Larger frames are scaled down to this long side before the first attempt: more pixels only cost time. */
    static final int LONGEST_SIDE = 1280;

    private static final Map<DecodeHintType, Object> HINTS = Map.of(
            DecodeHintType.TRY_HARDER,
            Boolean.TRUE,
            DecodeHintType.POSSIBLE_FORMATS,
            List.of(BarcodeFormat.QR_CODE),
            DecodeHintType.CHARACTER_SET,
            "UTF-8");

    /**
     * Cheapest and most fruitful first, as measured on the benchmark's distorted labels: a frame that reads as it is
     * costs one attempt, a blurred or washed-out one a few more. Halving the frame makes a large code's modules fit the
     * binarizer's blocks and the sharpening's reach, and costs a quarter of the pixels. Last come thresholds against
     * the mean of a small window ({@link MeanThresholdBinarizer}), which read what is left: small codes blurred and
     * washed out at once, and large ones under glare at the lowest contrast.
     */
    private static final List<Attempt> ATTEMPTS = List.of(
            new Attempt(UnaryOperator.identity(), HybridBinarizer::new),
            new Attempt(image -> image.scaled(0.5).stretched().sharpened(3, 3), HybridBinarizer::new),
            new Attempt(image -> image.stretched().sharpened(3, 3), HybridBinarizer::new),
            new Attempt(GrayImage::stretched, HybridBinarizer::new),
            new Attempt(image -> image.locallyNormalized(8), HybridBinarizer::new),
            new Attempt(image -> image.scaled(0.5).locallyNormalized(8), HybridBinarizer::new),
            new Attempt(image -> image.stretched().sharpened(5, 3), HybridBinarizer::new),
            new Attempt(GrayImage::stretched, GlobalHistogramBinarizer::new),
            new Attempt(image -> image.stretched().sharpened(2, 3), HybridBinarizer::new),
            new Attempt(UnaryOperator.identity(), source -> new HybridBinarizer(source.invert())),
            new Attempt(UnaryOperator.identity(), source -> new MeanThresholdBinarizer(source, 5, 2)),
            new Attempt(image -> image.scaled(0.5), source -> new MeanThresholdBinarizer(source, 14, 2)),
            new Attempt(UnaryOperator.identity(), source -> new MeanThresholdBinarizer(source, 3, 2)),
            new Attempt(image -> image.scaled(0.5), source -> new MeanThresholdBinarizer(source, 3, 2)),
            new Attempt(GrayImage::stretched, source -> new MeanThresholdBinarizer(source, 5, 0)),
            new Attempt(image -> image.scaled(0.5), source -> new MeanThresholdBinarizer(source, 5, 0)),
            new Attempt(image -> image.scaled(0.5), source -> new MeanThresholdBinarizer(source, 7, 0)),
            new Attempt(UnaryOperator.identity(), source -> new MeanThresholdBinarizer(source, 10, 2)),
            new Attempt(image -> image.scaled(0.25), HybridBinarizer::new),
            new Attempt(UnaryOperator.identity(), source -> new MeanThresholdBinarizer(source, 5, 0)),
            new Attempt(image -> image.scaled(0.5), source -> new MeanThresholdBinarizer(source, 3, 0)));

    private final Duration timeLimit;

    /** @param timeLimit after which no further attempt starts; the first always runs, and the one under way ends */
    public QrDecoder(Duration timeLimit) {
        this.timeLimit = timeLimit;
    }

    /** The text of the first QR code found, or empty. */
    public Optional<String> decode(BufferedImage image) {
        return read(image).map(Read::text);
    }

    /** The first QR code found and the attempt that found it (0 for the frame as it is), for the benchmark's tally. */
    Optional<Read> read(BufferedImage image) {
        long deadline = System.nanoTime() + timeLimit.toNanos();
        GrayImage frame = GrayImage.of(image);
        int longest = Math.max(frame.width(), frame.height());
        if (longest > LONGEST_SIDE) {
            frame = frame.scaled((double) LONGEST_SIDE / longest);
        }
        QRCodeReader reader = new QRCodeReader();
        for (int attempt = 0; attempt < ATTEMPTS.size() && (attempt == 0 || System.nanoTime() < deadline); attempt++) {
            Optional<String> text = ATTEMPTS.get(attempt).read(frame, reader);
            if (text.isPresent()) {
                return Optional.of(new Read(text.get(), attempt));
            }
        }
        return Optional.empty();
    }

    /** How many attempts a frame that does not read costs, if time allows. */
    static int attempts() {
        return ATTEMPTS.size();
    }

    /** What was read, and by which of the attempts. */
    record Read(String text, int attempt) {}

    /** One way to look at a frame: a clean-up of its luminance, then a binarizer. */
    private record Attempt(
            UnaryOperator<GrayImage> cleanUp, Function<LuminanceSource, com.google.zxing.Binarizer> binarizer) {

        Optional<String> read(GrayImage frame, QRCodeReader reader) {
            try {
                BinaryBitmap bitmap =
                        new BinaryBitmap(binarizer.apply(cleanUp.apply(frame).luminance()));
                return Optional.of(reader.decode(bitmap, HINTS).getText());
            } catch (ReaderException e) {
                return Optional.empty();
            } finally {
                reader.reset();
            }
        }
    }
}
