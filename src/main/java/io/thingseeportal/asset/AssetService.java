package io.thingseeportal.asset;

import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in user's tenant's asset tree. Everyone reads it; installers add to it while installing. */
@Service
public class AssetService {

    private final AssetStore store;
    private final CurrentUser currentUser;
    private final Clock clock;

    AssetService(AssetStore store, CurrentUser currentUser, Clock clock) {
        this.store = store;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Every asset of the tenant, each with its path, in the order of their paths. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public List<Asset> all() {
        return withPaths(store.all(currentUser.tenantId()));
    }

    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public Optional<Asset> find(long id) {
        return all().stream().filter(asset -> asset.id() == id).findFirst();
    }

    /**
     * Adds an asset under {@code parentId}, or a site when it is null; its kind is the level below its parent's. The
     * name is trimmed; an empty or too long name, a name its siblings have (in any case), a parent that is a space or
     * that the tenant does not have are {@link AssetException}s.
     */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
    @Transactional
    public Asset create(@Nullable Long parentId, String name) {
        long tenantId = currentUser.tenantId();
        String trimmed = name.strip();
        if (trimmed.isEmpty()) {
            throw new AssetException(AssetException.Problem.NAME_EMPTY, trimmed);
        }
        if (trimmed.length() > Asset.NAME_MAX_LENGTH) {
            throw new AssetException(AssetException.Problem.NAME_TOO_LONG, String.valueOf(Asset.NAME_MAX_LENGTH));
        }
        AssetKind kind = AssetKind.SITE;
        if (parentId != null) {
            Asset parent = find(parentId)
                    .orElseThrow(() -> new AssetException(AssetException.Problem.NOT_FOUND, parentId.toString()));
            kind = parent.kind()
                    .childKind()
                    .orElseThrow(() -> new AssetException(AssetException.Problem.NO_CHILDREN, parent.pathText()));
        }
        if (store.siblingNamed(tenantId, parentId, trimmed)) {
            throw new AssetException(AssetException.Problem.NAME_TAKEN, trimmed);
        }
        long id = store.insert(tenantId, parentId, kind, trimmed, clock.instant());
        return find(id).orElseThrow();
    }

    private static List<Asset> withPaths(List<AssetStore.Row> rows) {
        Map<Long, AssetStore.Row> byId = new HashMap<>();
        rows.forEach(row -> byId.put(row.id(), row));
        var assets = new ArrayList<Asset>(rows.size());
        for (AssetStore.Row row : rows) {
            var path = new ArrayList<String>();
            AssetStore.Row at = row;
            // The depth is bounded by the four kinds; the bound also ends a loop that a corrupt tree could make.
            for (int depth = 0; at != null && depth < AssetKind.values().length; depth++) {
                path.add(0, at.name());
                at = at.parentId() == null ? null : byId.get(at.parentId());
            }
            assets.add(new Asset(row.id(), row.parentId(), row.kind(), row.name(), path));
        }
        assets.sort(Comparator.comparing(Asset::pathText, String.CASE_INSENSITIVE_ORDER));
        return assets;
    }
}
