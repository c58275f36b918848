package io.thingseeportal.installation;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.thingseeportal.bench.BenchmarkReport;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The label decoder on generated camera frames of 800 × 600 ({@link LabelFrames}): how many of a set of distorted
 * labels it reads (target: 99 %, no wrong read), beside plain zxing with {@code TRY_HARDER} on the same frames, and how
 * long a frame takes on one thread, from its JPEG bytes to the text (target: median 25 ms, p95 60 ms). Run with
 * {@code ./mvnw -Pbench verify -Dbench=io.thingseeportal.installation.QrDecoderBenchmark}; {@code -Dbench.frames=N}
 * sets the set's size (default 600) and {@code -Dbench.rounds=N} the timing rounds (default 5). It records its figures
 * in docs/benchmarks.md.
 */
public final class QrDecoderBenchmark {

    private static final int FRAMES = Integer.getInteger("bench.frames", 600);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    private static final String[] IMCS = {"TSPR04", "TSPD04", "TSAP01", "TSTF02", "TSLK02", "TSAN01", "TSGW06"};

    private record Sample(String text, byte[] bytes, LabelFrames.Distortion distortion) {}

    /**
     * The sets the accuracy is measured on: five seeds that choosing the decoder's attempts never saw (they were chosen
     * on the frames of seeds 20261203, 1, 2 and 3).
     */
    private static final long[] SEEDS = {4, 5, 6, 7, 8};

    public static void main(String[] args) throws Exception {
        var decoder = new QrDecoder(Duration.ofMillis(500));
        var reading = new ImageReading(20_000_000, 40_000_000, QrDecoder.LONGEST_SIDE);
        List<Double> shares = new ArrayList<>();
        List<Double> plainShares = new ArrayList<>();
        int wrong = 0;
        int plainWrong = 0;
        int[] byAttempt = new int[QrDecoder.attempts()];
        for (long seed : SEEDS) {
            int read = 0;
            int plainRead = 0;
            for (Sample sample : samples(seed)) {
                BufferedImage image = reading.read(sample.bytes()).image();
                Optional<QrDecoder.Read> result = decoder.read(image);
                if (result.isPresent() && result.get().text().equals(sample.text())) {
                    read++;
                    byAttempt[result.get().attempt()]++;
                } else if (result.isPresent()) {
                    wrong++;
                } else {
                    System.out.println("Missed (seed " + seed + "): " + sample.distortion());
                }
                Optional<String> plain = plain(image);
                if (plain.isPresent() && plain.get().equals(sample.text())) {
                    plainRead++;
                } else if (plain.isPresent()) {
                    plainWrong++;
                }
            }
            shares.add(100.0 * read / FRAMES);
            plainShares.add(100.0 * plainRead / FRAMES);
            System.out.printf(
                    Locale.ROOT,
                    "Seed %d: %.1f %% read, plain zxing %.1f %%%n",
                    seed,
                    shares.get(shares.size() - 1),
                    plainShares.get(plainShares.size() - 1));
        }
        System.out.println("Read by attempt: " + Arrays.toString(byAttempt));
        double share = median(shares);
        int[] harsh = harsh(decoder, reading);
        String accuracy = String.format(
                Locale.ROOT,
                "median %.1f %% read (sets %.1f–%.1f %%), %d wrong; plain zxing (QR, TRY_HARDER, hybrid binarizer) on"
                        + " the same frames median %.1f %% (%.1f–%.1f %%), %d wrong. %d sets of %d frames 800 × 600 that"
                        + " choosing the attempts never saw: codes of 80–360 px turned up to 30° and tilted up to 30°;"
                        + " blur up to 0.5 module (sigma), contrast down to 0.15, a glare spot, noise and JPEG quality"
                        + " down to 30 each on half of the frames; labels in both formats (QR versions 2 and 3). Read by"
                        + " attempt, all sets: %s. With all five on every frame (%d frames): %.1f %%, plain zxing %.1f %%",
                share,
                min(shares),
                max(shares),
                wrong,
                median(plainShares),
                min(plainShares),
                max(plainShares),
                plainWrong,
                SEEDS.length,
                FRAMES,
                Arrays.toString(byAttempt),
                harsh[2],
                100.0 * harsh[0] / harsh[2],
                100.0 * harsh[1] / harsh[2]);
        System.out.println("Accuracy: " + accuracy);

        List<Sample> samples = samples(SEEDS[0]);
        List<Double> medians = new ArrayList<>();
        List<Double> p95s = new ArrayList<>();
        time(samples, decoder, reading); // warm-up: the JIT compiles the hot paths
        for (int round = 0; round < ROUNDS; round++) {
            double[] millis = time(samples, decoder, reading);
            Arrays.sort(millis);
            medians.add(millis[millis.length / 2]);
            p95s.add(millis[(int) (millis.length * 0.95)]);
            System.out.printf(
                    Locale.ROOT,
                    "Round %d: median %.1f ms, p95 %.1f ms%n",
                    round + 1,
                    medians.get(round),
                    p95s.get(round));
        }
        double median = median(medians);
        double p95 = median(p95s);
        String speed = String.format(
                Locale.ROOT,
                "median %.1f ms (rounds %.1f–%.1f), p95 %.1f ms (rounds %.1f–%.1f) per frame, from its JPEG bytes to"
                        + " the text or to giving up, one thread; %d rounds over the %d frames of the first accuracy set",
                median,
                min(medians),
                max(medians),
                p95,
                min(p95s),
                max(p95s),
                ROUNDS,
                samples.size());
        System.out.println("Speed: " + speed);
        Path docs = Path.of("docs/benchmarks.md");
        BenchmarkReport.record(
                docs,
                "qr-decoder-accuracy",
                "Label decoder, distorted frames read",
                accuracy,
                share >= 99 && wrong == 0
                        ? "meets the target of 99 % with no wrong read"
                        : "MISSES the target of 99 % with no wrong read");
        BenchmarkReport.record(
                docs,
                "qr-decoder-speed",
                "Label decoder, time per 800 px frame",
                speed,
                median <= 25 && p95 <= 60
                        ? "meets the targets of 25 ms (median) and 60 ms (p95)"
                        : "MISSES the targets of 25 ms (median) and 60 ms (p95)");
    }

    /** Read by the decoder, read by plain zxing, frames: on frames with every distortion at once. */
    private static int[] harsh(QrDecoder decoder, ImageReading reading) throws Exception {
        var random = new Random(20261204L);
        int frames = FRAMES / 2;
        int read = 0;
        int plainRead = 0;
        for (int i = 0; i < frames; i++) {
            String text = psn(random) + "," + IMCS[random.nextInt(IMCS.length)];
            byte[] bytes = LabelFrames.frameBytes(text, LabelFrames.Distortion.everythingAtOnce(random), random);
            BufferedImage image = reading.read(bytes).image();
            read += decoder.decode(image).filter(text::equals).isPresent() ? 1 : 0;
            plainRead += plain(image).filter(text::equals).isPresent() ? 1 : 0;
        }
        return new int[] {read, plainRead, frames};
    }

    private static List<Sample> samples(long seed) {
        var random = new Random(seed);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < FRAMES; i++) {
            String psn = psn(random);
            String imc = IMCS[random.nextInt(IMCS.length)];
            String text = random.nextBoolean()
                    ? psn + "," + imc
                    : "I#" + imc + ",W#" + (1 + random.nextInt(16_000_000)) + ",S#" + psn;
            LabelFrames.Distortion distortion = LabelFrames.Distortion.random(random);
            samples.add(new Sample(text, LabelFrames.frameBytes(text, distortion, random), distortion));
        }
        return samples;
    }

    private static String psn(Random random) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
        var psn = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            psn.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return psn.toString();
    }

    private static double[] time(List<Sample> samples, QrDecoder decoder, ImageReading reading) throws Exception {
        double[] millis = new double[samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            long started = System.nanoTime();
            decoder.decode(reading.read(samples.get(i).bytes()).image());
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        return millis;
    }

    /** zxing as its documentation shows it: the QR reader, TRY_HARDER, the hybrid binarizer, nothing else. */
    private static Optional<String> plain(BufferedImage image) {
        try {
            var bitmap =
                    new BinaryBitmap(new HybridBinarizer(GrayImage.of(image).luminance()));
            return Optional.of(new QRCodeReader()
                    .decode(
                            bitmap,
                            Map.of(
                                    DecodeHintType.TRY_HARDER,
                                    Boolean.TRUE,
                                    DecodeHintType.POSSIBLE_FORMATS,
                                    List.of(BarcodeFormat.QR_CODE)))
                    .getText());
        } catch (ReaderException e) {
            return Optional.empty();
        }
    }

    private static double median(List<Double> values) {
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
