package io.thingseeportal.deviceconfig;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One configuration or command message sent to one device, from before the API call to its echo.
 *
 * @param request the message's own fields as sent, without the header
 * @param groupId the device's group when the command was made
 * @param echo the echo's own fields, once it came
 * @param differences where the echo differs from the request
 * @param failure Thingsee's words when it refused the command
 */
public record DeviceCommand(
        long id,
        String tuid,
        int tsmId,
        int tsmEv,
        long transactionId,
        CommandState state,
        Map<String, Object> request,
        @Nullable String groupId,
        @Nullable Long jobId,
        String createdBy,
        String createdByName,
        Instant createdAt,
        @Nullable Instant sentAt,
        @Nullable Instant deadlineAt,
        @Nullable Instant echoedAt,
        @Nullable Map<String, Object> echo,
        List<FieldDifference> differences,
        @Nullable String failure) {

    public DeviceCommand {
        request = Collections.unmodifiableMap(new LinkedHashMap<>(request));
        echo = echo == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(echo));
        differences = List.copyOf(differences);
    }

    /** The tsmEv of the device's answer: 31 to a configuration request (30), 36 to a command request (35). */
    public int answerEvent() {
        return tsmEv == EchoMatch.COMMAND_REQUEST ? EchoMatch.COMMAND_RESPONSE : EchoMatch.CONFIGURATION_RESPONSE;
    }
}
