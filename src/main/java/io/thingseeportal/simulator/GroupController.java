package io.thingseeportal.simulator;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Deployment groups (REFERENCE.md 2.3). Haltian's Toolbox asks for {@code groups/}, so both spellings answer. */
@RestController
@ConditionalOnSimulator
class GroupController {

    record NewGroup(
            @JsonProperty("group_id") @Nullable String groupId,
            @JsonProperty("group_description") @Nullable String description) {}

    record GroupBody(
            @JsonProperty("group_id") String groupId,
            @JsonProperty("group_description") String description) {

        static GroupBody of(SimulatedGroup group) {
            return new GroupBody(group.id(), group.description());
        }
    }

    record DeletedGroup(
            @JsonProperty("group_id") String groupId,
            @JsonProperty("group_description") String description,
            boolean deleted) {}

    record GroupThings(@JsonProperty("group_id") String groupId, List<String> tuids) {}

    private final SimulatorStore store;

    GroupController(SimulatorStore store) {
        this.store = store;
    }

    @GetMapping({"/groups", "/groups/"})
    ApiData<List<GroupBody>> groups(
            @RequestAttribute(Caller.ATTRIBUTE) Caller caller,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") int limit) {
        String search = q == null ? "" : q.toLowerCase(Locale.ROOT);
        var groups = store.read(caller.stack(), StackState::groups).stream()
                .filter(group -> group.id().contains(search)
                        || group.description().toLowerCase(Locale.ROOT).contains(search))
                .map(GroupBody::of)
                .limit(Limits.of(limit))
                .toList();
        return ApiData.of(groups);
    }

    @PostMapping({"/groups", "/groups/"})
    ApiData<GroupBody> create(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @RequestBody NewGroup body) {
        String groupId = required(body.groupId());
        GroupIds.requireValid(groupId);
        var group = new SimulatedGroup(groupId, body.description() == null ? "" : body.description());
        store.update(caller.stack(), state -> {
            if (state.group(groupId).isPresent()) {
                throw SimulatorException.conflict("Group " + groupId + " already exists");
            }
            state.putGroup(group);
        });
        return ApiData.of(GroupBody.of(group));
    }

    @PostMapping("/groups/{groupId}/rename")
    ApiData<GroupBody> rename(
            @RequestAttribute(Caller.ATTRIBUTE) Caller caller,
            @PathVariable String groupId,
            @RequestBody NewGroup body) {
        String newId = required(body.groupId());
        GroupIds.requireValid(newId);
        var renamed = store.write(caller.stack(), state -> {
            var group = existing(state, groupId);
            if (!newId.equals(groupId) && state.group(newId).isPresent()) {
                throw SimulatorException.conflict("Group " + newId + " already exists");
            }
            var moved = new SimulatedGroup(newId, group.description());
            state.removeGroup(groupId);
            state.putGroup(moved);
            state.devices().stream()
                    .filter(device -> device.groupId().equals(groupId))
                    .forEach(device -> state.putDevice(device.withGroup(newId)));
            return moved;
        });
        return ApiData.of(GroupBody.of(renamed));
    }

    /** Deletes only the group: its devices keep naming it until a client moves them (REFERENCE.md 2.3). */
    @DeleteMapping("/groups/{groupId}")
    ApiData<DeletedGroup> delete(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String groupId) {
        var deleted = store.write(caller.stack(), state -> {
            var group = existing(state, groupId);
            state.removeGroup(groupId);
            return group;
        });
        return ApiData.of(new DeletedGroup(deleted.id(), deleted.description(), true));
    }

    @GetMapping("/groups/{groupId}/things")
    ApiData<GroupThings> things(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String groupId) {
        var tuids = store.read(caller.stack(), state -> {
            if (!SimulatedDevice.UNASSIGNED.equals(groupId)) {
                existing(state, groupId);
            }
            return state.devices().stream()
                    .filter(device -> device.groupId().equals(groupId))
                    .map(SimulatedDevice::tuid)
                    .toList();
        });
        return ApiData.of(new GroupThings(groupId, tuids));
    }

    private static SimulatedGroup existing(StackState state, String groupId) {
        if (SimulatedDevice.UNASSIGNED.equals(groupId)) {
            throw SimulatorException.badRequest("Group unassigned cannot be changed");
        }
        return state.group(groupId).orElseThrow(() -> SimulatorException.notFound("Group " + groupId + " not found"));
    }

    private static String required(@Nullable String groupId) {
        if (groupId == null || groupId.isBlank()) {
            throw SimulatorException.badRequest("group_id is required");
        }
        return groupId;
    }
}
