package io.thingseeportal.thingsee;

import org.jspecify.annotations.Nullable;

/** A deployment group as Thingsee knows it: the full id (for example {@code prfi00northernfinland}). */
public record ThingseeGroup(String groupId, @Nullable String description) {}
