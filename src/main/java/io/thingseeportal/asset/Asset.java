package io.thingseeportal.asset;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One place in the asset tree.
 *
 * @param parentId the asset it is in; null for a site
 * @param path the names from its site down to itself
 */
public record Asset(long id, @Nullable Long parentId, AssetKind kind, String name, List<String> path) {

    /** How paths are written: "Head office › Building A › Floor 2 › Room 2.14". */
    public static final String SEPARATOR = " › ";

    public static final int NAME_MAX_LENGTH = 100;

    public Asset {
        path = List.copyOf(path);
    }

    public String pathText() {
        return String.join(SEPARATOR, path);
    }

    /** Whether it is at the top of the tree. */
    public boolean isSite() {
        return parentId == null;
    }
}
