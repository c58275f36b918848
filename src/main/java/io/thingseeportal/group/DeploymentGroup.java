package io.thingseeportal.group;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A deployment group of the signed-in user's tenant, as the portal lists it. */
public record DeploymentGroup(GroupId id, @Nullable String description, Instant createdAt) {

    public static final int DESCRIPTION_MAX_LENGTH = 100;
}
