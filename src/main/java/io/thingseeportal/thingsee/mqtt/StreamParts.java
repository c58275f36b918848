package io.thingseeportal.thingsee.mqtt;

import io.micrometer.core.instrument.MeterRegistry;
import io.thingseeportal.thingsee.StreamRejections;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;

/** What every tenant's stream shares: the parser, where its batches go, the counters and the clock. */
record StreamParts(
        ThingseePayloadParser parser,
        ApplicationEventPublisher events,
        StreamRejections rejections,
        MeterRegistry meters,
        Clock clock) {}
