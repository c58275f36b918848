package io.thingseeportal.simulator;

import org.jspecify.annotations.Nullable;

/**
 * The sticker of a simulated device (REFERENCE 4.1 and 9.11).
 *
 * @param legacyQr the legacy content {@code {PSN},{IMC}}, on every label
 * @param haltianQr the newer content {@code I#{IMC},W#{nodeId},S#{PSN}}, on some labels only
 */
public record DeviceLabel(
        String tuid,
        String productName,
        String legacyQr,
        @Nullable String haltianQr) {}
