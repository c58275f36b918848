package io.thingseeportal.tenant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a customer admin may change about their own tenant. Null settings take the portal's defaults.
 *
 * @param defaultCountry ISO 3166-1 alpha-2 code in lower case, or null for "no specific country"; the group wizard
 *     starts from it
 * @param defaultGroupId one of the tenant's deployment groups: an installation whose site and installer have used no
 *     group yet starts with it
 * @param echoDeadlineMinutes the shortest wait for a device's echo of a configuration command before the command
 *     times out; null for {@code portal.commands.echo-deadline}
 * @param rolloutMaxDevices the most devices one configuration rollout may send to; null for no limit
 * @param rolloutStopPercent a rollout stops by itself when more than this share of its sends failed; null for {@code
 *     portal.bulk.abort-percent}
 */
public record TenantSettings(
        @NotBlank @Size(max = NAME_MAX_LENGTH) String name,
        @Nullable @Pattern(regexp = "[a-z]{2}") String defaultCountry,
        @Nullable @Size(max = 40) String defaultGroupId,
        @Nullable @Min(1) @Max(ECHO_DEADLINE_MAX_MINUTES) Integer echoDeadlineMinutes,
        @Nullable @Min(1) @Max(ROLLOUT_MAX_DEVICES) Integer rolloutMaxDevices,
        @Nullable @Min(0) @Max(100) Integer rolloutStopPercent) {

    public static final int NAME_MAX_LENGTH = 100;
    public static final int ECHO_DEADLINE_MAX_MINUTES = 1440;
    public static final int ROLLOUT_MAX_DEVICES = 1_000_000;

    /** Only a name and a country; everything else the portal's defaults. */
    public static TenantSettings of(String name, @Nullable String defaultCountry) {
        return new TenantSettings(name, defaultCountry, null, null, null, null);
    }
}
