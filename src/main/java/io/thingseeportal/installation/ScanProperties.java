package io.thingseeportal.installation;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Reading sensor labels from camera frames and photos ({@code portal.installation.scan.*}).
 *
 * @param decodeTimeLimit after which the decoder starts no further attempt on a camera frame (the next frame comes)
 * @param photoDecodeTimeLimit after which the decoder starts no further attempt on a photo: longer, since the installer
 *     took it on purpose and waits for it, and a busy server must not turn a readable photo into "no code"
 * @param decoders how many frames or photos are decoded at once; 0 for as many as the machine has cores. A camera
 *     frame that finds them all busy is dropped (the phone sends the next one), never queued
 * @param frameMaxSize the largest camera frame accepted; the scanner sends JPEGs of at most 800 pixels a side
 * @param frameMaxPixels the largest width × height of a camera frame, checked from its header
 * @param photoMaxSize the largest photo upload accepted
 * @param photoMaxPixels the largest width × height of a photo, checked from its header before it is decoded. A
 *     progressive JPEG is decoded whole in memory (some 6 bytes a pixel) whatever part of it is kept
 */
@Validated
@ConfigurationProperties("portal.installation.scan")
public record ScanProperties(
        @DefaultValue("400ms") @NotNull Duration decodeTimeLimit,
        @DefaultValue("10s") @NotNull Duration photoDecodeTimeLimit,
        @DefaultValue("0") @Min(0) int decoders,
        @DefaultValue("1MB") @NotNull DataSize frameMaxSize,
        @DefaultValue("2000000") @Min(1) long frameMaxPixels,
        @DefaultValue("25MB") @NotNull DataSize photoMaxSize,
        @DefaultValue("50000000") @Min(1) long photoMaxPixels) {

    /** The decoders at work at once: the setting, or the machine's cores. */
    int decodersAtOnce() {
        return decoders > 0 ? decoders : Runtime.getRuntime().availableProcessors();
    }
}
