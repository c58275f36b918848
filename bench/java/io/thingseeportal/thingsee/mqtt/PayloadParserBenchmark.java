package io.thingseeportal.thingsee.mqtt;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingseeportal.bench.BenchmarkReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * How many MQTT payloads the parser turns into events per second on one core (target: at least 20,000). Run with
 * {@code ./mvnw -Pbench verify -Dbench=io.thingseeportal.thingsee.mqtt.PayloadParserBenchmark}; it records its figure in docs/benchmarks.md.
 */
public final class PayloadParserBenchmark {

    private static final String TOPIC = "cloudext/json/pr/fi/prfi00office/TSPR04EZU31901021/13100";

    public static void main(String[] args) throws IOException {
        var parser = new ThingseePayloadParser(new ObjectMapper());
        byte[][] payloads = new byte[1024][];
        for (int i = 0; i < payloads.length; i++) {
            payloads[i] = ("{\"tsmId\":13100,\"tsmEv\":10,\"tsmTs\":" + (1_700_000_000 + i)
                            + ",\"tsmTuid\":\"TSPR04EZU31901021\",\"tsmGw\":\"TSGW06EWK31903495\","
                            + "\"deploymentGroupId\":\"prfi00office\",\"move\":" + (i % 7) + ",\"count\":" + i + "}")
                    .getBytes(StandardCharsets.UTF_8);
        }
        Instant now = Instant.now();
        run(parser, payloads, now, 200_000); // warm-up: let the JIT compile the hot path
        int messages = 1_000_000;
        long started = System.nanoTime();
        long events = run(parser, payloads, now, messages);
        double seconds = (System.nanoTime() - started) / 1e9;
        double perSecond = messages / seconds;
        String figure = String.format(
                Locale.ROOT, "%,.0f messages/s (%,d messages in %.2f s, one thread)", perSecond, events, seconds);
        System.out.println("Payload parser: " + figure);
        BenchmarkReport.record(
                Path.of("docs/benchmarks.md"),
                "payload-parser",
                "MQTT payload parser",
                figure,
                perSecond >= 20_000
                        ? "meets the target of 20,000 messages/s"
                        : "BELOW the target of 20,000 messages/s");
    }

    private static long run(ThingseePayloadParser parser, byte[][] payloads, Instant now, int count) {
        long events = 0;
        for (int i = 0; i < count; i++) {
            events += parser.parse("bench", TOPIC, payloads[i & 1023], now)
                    .messages()
                    .size();
        }
        return events;
    }
}
