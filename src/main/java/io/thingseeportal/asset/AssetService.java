package io.thingseeportal.asset;

import io.thingseeportal.device.DeviceInstallations;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import io.thingseeportal.security.InstallerAccess;
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

/**
 * The signed-in user's tenant's asset tree. Everyone reads it; installers add to it while installing. A person with
 * temporary installer access sees, chooses and adds to their one site only.
 */
@Service
public class AssetService {

    private final AssetStore store;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final DeviceInstallations devices;

    AssetService(AssetStore store, CurrentUser currentUser, Clock clock, DeviceInstallations devices) {
        this.store = store;
        this.currentUser = currentUser;
        this.clock = clock;
        this.devices = devices;
    }

    /** Every asset of the tenant, each with its path, in the order of their paths. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public List<Asset> all() {
        return withPaths(
                store.all(currentUser.tenantId()), currentUser.require().onlySite());
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
        String trimmed = validName(name);
        AssetKind kind = AssetKind.SITE;
        InstallerAccess access = currentUser.require().installerAccess();
        if (parentId == null && access != null) {
            throw new AssetException(AssetException.Problem.ONLY_ONE_SITE, access.siteName());
        }
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

    /**
     * Gives an asset a new name; its devices show the new path. An empty or too long name, or one a sibling has, is an
     * {@link AssetException}.
     */
    @RolesAllowed(AppRoles.ADMIN)
    @Transactional
    public Asset rename(long id, String name) {
        long tenantId = currentUser.tenantId();
        Asset asset = require(id);
        String trimmed = validName(name);
        if (!trimmed.equalsIgnoreCase(asset.name()) && store.siblingNamed(tenantId, asset.parentId(), trimmed)) {
            throw new AssetException(AssetException.Problem.NAME_TAKEN, trimmed);
        }
        store.rename(tenantId, id, trimmed);
        pathsChanged(id);
        return require(id);
    }

    /**
     * Moves an asset, with everything in it, under another parent of the level above it (a floor into another
     * building); its devices show the new paths. A site stays at the top.
     */
    @RolesAllowed(AppRoles.ADMIN)
    @Transactional
    public Asset move(long id, long parentId) {
        long tenantId = currentUser.tenantId();
        Asset asset = require(id);
        Asset parent = require(parentId);
        if (asset.isSite()) {
            throw new AssetException(AssetException.Problem.SITE_CANNOT_MOVE, asset.name());
        }
        if (parent.kind().childKind().filter(kind -> kind == asset.kind()).isEmpty()) {
            throw new AssetException(AssetException.Problem.WRONG_PARENT, parent.pathText());
        }
        if (Long.valueOf(parentId).equals(asset.parentId())) {
            return asset;
        }
        if (store.siblingNamed(tenantId, parentId, asset.name())) {
            throw new AssetException(AssetException.Problem.NAME_TAKEN, asset.name());
        }
        store.move(tenantId, id, parentId);
        pathsChanged(id);
        return require(id);
    }

    /** Deletes an empty asset: one with nothing in it and no device mounted at it. */
    @RolesAllowed(AppRoles.ADMIN)
    @Transactional
    public void delete(long id) {
        long tenantId = currentUser.tenantId();
        Asset asset = require(id);
        if (store.hasChildren(tenantId, id)) {
            throw new AssetException(AssetException.Problem.HAS_CHILDREN, asset.pathText());
        }
        if (devices.countAt(id) > 0) {
            throw new AssetException(AssetException.Problem.IN_USE, asset.pathText());
        }
        store.delete(tenantId, id);
    }

    private Asset require(long id) {
        return find(id).orElseThrow(() -> new AssetException(AssetException.Problem.NOT_FOUND, String.valueOf(id)));
    }

    /** The asset and everything below it have new paths: the devices mounted at them are told. */
    private void pathsChanged(long id) {
        List<Asset> all = all();
        Map<Long, String> paths = new HashMap<>();
        Asset changed =
                all.stream().filter(asset -> asset.id() == id).findFirst().orElseThrow();
        for (Asset asset : all) {
            if (asset.path().size() >= changed.path().size()
                    && asset.path().subList(0, changed.path().size()).equals(changed.path())) {
                paths.put(asset.id(), asset.pathText());
            }
        }
        devices.assetPathsChanged(paths);
    }

    static String validName(String name) {
        String trimmed = name.strip();
        if (trimmed.isEmpty()) {
            throw new AssetException(AssetException.Problem.NAME_EMPTY, trimmed);
        }
        if (trimmed.length() > Asset.NAME_MAX_LENGTH) {
            throw new AssetException(AssetException.Problem.NAME_TOO_LONG, String.valueOf(Asset.NAME_MAX_LENGTH));
        }
        return trimmed;
    }

    /** The assets with their paths; with {@code onlySite}, only that site and what is below it. */
    private static List<Asset> withPaths(List<AssetStore.Row> rows, @Nullable Long onlySite) {
        Map<Long, AssetStore.Row> byId = new HashMap<>();
        rows.forEach(row -> byId.put(row.id(), row));
        var assets = new ArrayList<Asset>(rows.size());
        for (AssetStore.Row row : rows) {
            var path = new ArrayList<String>();
            AssetStore.Row at = row;
            long root = row.id();
            // The depth is bounded by the four kinds; the bound also ends a loop that a corrupt tree could make.
            for (int depth = 0; at != null && depth < AssetKind.values().length; depth++) {
                path.add(0, at.name());
                root = at.id();
                at = at.parentId() == null ? null : byId.get(at.parentId());
            }
            if (onlySite == null || root == onlySite) {
                assets.add(new Asset(row.id(), row.parentId(), row.kind(), row.name(), path));
            }
        }
        assets.sort(Comparator.comparing(Asset::pathText, String.CASE_INSENSITIVE_ORDER));
        return assets;
    }
}
