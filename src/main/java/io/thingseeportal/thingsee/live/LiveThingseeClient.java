package io.thingseeportal.thingsee.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingseeportal.thingsee.CommandReceipt;
import io.thingseeportal.thingsee.DeviceInfo;
import io.thingseeportal.thingsee.GroupAssignment;
import io.thingseeportal.thingsee.InstallationRecord;
import io.thingseeportal.thingsee.InstallationStatus;
import io.thingseeportal.thingsee.MessageQuery;
import io.thingseeportal.thingsee.ThingseeClient;
import io.thingseeportal.thingsee.ThingseeException;
import io.thingseeportal.thingsee.ThingseeGroup;
import io.thingseeportal.thingsee.ThingseeMessage;
import io.thingseeportal.thingsee.ThingseeStack;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;

/** The Thingsee Open Services API over HTTP, as Haltian's own apps call it (see REFERENCE sections 1–2). */
class LiveThingseeClient implements ThingseeClient {

    private final ThingseeHttp http;
    private final ObjectMapper json;

    LiveThingseeClient(ThingseeHttp http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    @Override
    public void checkCredentials(ThingseeStack stack) {
        http.checkCredentials(stack);
    }

    @Override
    public List<ThingseeGroup> listGroups(ThingseeStack stack) {
        return list(http.send(stack, ThingseeCall.get("groups")), LiveThingseeClient::group);
    }

    @Override
    public ThingseeGroup createGroup(ThingseeStack stack, String groupId, @Nullable String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("group_id", groupId);
        if (description != null) {
            body.put("group_description", description);
        }
        JsonNode data = http.send(stack, ThingseeCall.change(HttpMethod.POST, body, "groups"));
        return data.isObject() ? group(data) : new ThingseeGroup(groupId, description);
    }

    @Override
    public ThingseeGroup renameGroup(ThingseeStack stack, String groupId, String newGroupId) {
        JsonNode data = http.send(
                stack,
                ThingseeCall.change(HttpMethod.POST, Map.of("group_id", newGroupId), "groups/{id}/rename", groupId));
        return data.isObject() ? group(data) : new ThingseeGroup(newGroupId, null);
    }

    @Override
    public void deleteGroup(ThingseeStack stack, String groupId) {
        http.send(stack, ThingseeCall.change(HttpMethod.DELETE, null, "groups/{id}", groupId));
    }

    @Override
    public List<String> listGroupDevices(ThingseeStack stack, String groupId) {
        JsonNode data = http.send(stack, ThingseeCall.get("groups/{id}/things", groupId));
        return list(data.path("tuids"), JsonNode::asText);
    }

    @Override
    public DeviceInfo getDevice(ThingseeStack stack, String tuid) {
        JsonNode data = http.send(stack, ThingseeCall.get("things/{tuid}", tuid));
        JsonNode location = data.path("location");
        return new DeviceInfo(
                tuid,
                data.hasNonNull("battery_level") ? data.get("battery_level").asInt() : null,
                data.hasNonNull("timestamp")
                        ? Instant.ofEpochSecond(data.get("timestamp").asLong())
                        : null,
                location.hasNonNull("lat") && location.hasNonNull("lon")
                        ? new DeviceInfo.Location(
                                location.get("lat").asDouble(),
                                location.get("lon").asDouble())
                        : null,
                text(data, "gateway_tuid"),
                text(data, "version"));
    }

    @Override
    public Optional<InstallationRecord> getInstallationStatus(ThingseeStack stack, String tuid) {
        return getInstallationHistory(stack, tuid, 1).stream().findFirst();
    }

    @Override
    public List<InstallationRecord> getInstallationHistory(ThingseeStack stack, String tuid, int limit) {
        JsonNode data = http.send(
                stack, ThingseeCall.get("things/{tuid}/installations", tuid).withQuery(Map.of("limit", limit)));
        return list(data, entry -> installation(tuid, entry));
    }

    @Override
    public InstallationRecord setInstallationStatus(ThingseeStack stack, String tuid, InstallationStatus status) {
        // A lost answer is checked with GET …/installations?limit=1 before the status is sent again.
        return CheckedResend.send(
                http,
                stack,
                ThingseeCall.change(
                        HttpMethod.POST,
                        Map.of("installation_status", status.wireValue()),
                        "things/{tuid}/installations",
                        tuid),
                data -> data.isObject() && data.hasNonNull("installation_status")
                        ? installation(tuid, data)
                        : new InstallationRecord(tuid, status, null),
                () -> getInstallationStatus(stack, tuid).filter(now -> now.status() == status));
    }

    @Override
    public GroupAssignment getDeviceGroup(ThingseeStack stack, String tuid) {
        JsonNode data = http.send(stack, ThingseeCall.get("things/{tuid}/group", tuid));
        return new GroupAssignment(tuid, data.path("group_id").asText(GroupAssignment.UNASSIGNED));
    }

    @Override
    public GroupAssignment setDeviceGroup(ThingseeStack stack, String tuid, String groupId) {
        JsonNode data =
                http.send(stack, ThingseeCall.idempotentPost(Map.of("group_id", groupId), "things/{tuid}/group", tuid));
        return new GroupAssignment(tuid, data.path("group_id").asText(groupId));
    }

    @Override
    public CommandReceipt sendCommands(ThingseeStack stack, String tuid, List<ThingseeMessage> commands) {
        for (ThingseeMessage command : commands) {
            if (command.transactionId() == null) {
                throw new IllegalArgumentException("Every command needs a transactionId, so that a retry matches");
            }
        }
        List<Map<String, Object>> body =
                commands.stream().map(ThingseeMessage::fields).toList();
        JsonNode data = http.send(stack, ThingseeCall.idempotentPost(body, "things/{tuid}/commands", tuid));
        return new CommandReceipt(data.path("responsible").asText(""), list(data.path("commands"), this::message));
    }

    @Override
    public List<ThingseeMessage> getMessages(ThingseeStack stack, String tuid, MessageQuery query) {
        Map<String, @Nullable Object> parameters = new HashMap<>();
        parameters.put("limit", query.limit());
        parameters.put("messageid", joined(query.messageIds()));
        parameters.put("eventid", joined(query.eventIds()));
        parameters.put("from", query.from() == null ? null : query.from().getEpochSecond());
        parameters.put("to", query.to() == null ? null : query.to().getEpochSecond());
        JsonNode data = http.send(
                stack, ThingseeCall.get("things/{tuid}/messages", tuid).withQuery(parameters));
        return list(data, this::message);
    }

    private ThingseeMessage message(JsonNode node) {
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = json.convertValue(node, Map.class);
        return new ThingseeMessage(fields);
    }

    private static ThingseeGroup group(JsonNode node) {
        return new ThingseeGroup(node.path("group_id").asText(), text(node, "group_description"));
    }

    private static InstallationRecord installation(String tuid, JsonNode node) {
        String value = node.path("installation_status").asText();
        InstallationStatus status = InstallationStatus.fromWire(value)
                .orElseThrow(() -> new ThingseeException.Unavailable(
                        200, "OK", "Unknown installation status '" + value + "' from Thingsee", null));
        return new InstallationRecord(node.path("tuid").asText(tuid), status, text(node, "group_id"));
    }

    private static @Nullable String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static @Nullable String joined(List<Integer> values) {
        return values.isEmpty() ? null : values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static <T> List<T> list(JsonNode array, java.util.function.Function<JsonNode, T> mapper) {
        List<T> items = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(node -> items.add(mapper.apply(node)));
        }
        return items;
    }
}
