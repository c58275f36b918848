package io.thingseeportal.installation;

import io.thingseeportal.asset.Asset;
import io.thingseeportal.asset.AssetException;
import io.thingseeportal.asset.AssetService;
import io.thingseeportal.group.GroupId;
import io.thingseeportal.group.GroupNotFoundException;
import io.thingseeportal.group.GroupService;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import io.thingseeportal.tenant.TenantService;
import jakarta.annotation.security.RolesAllowed;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Where a work order's sensor goes: the asset it is mounted at (with a photo and the phone's location, if the
 * installer wants) and its deployment group. Only the tenant's assets and existing groups can be chosen.
 */
@Service
public class WorkOrderPlaces {

    /** How many recently used assets come first among the choices. */
    static final int RECENT_ASSETS = 5;

    /** The longest side of a kept photo of a mounting spot: enough to recognise the place, small to keep. */
    static final int PHOTO_SIDE = 1280;

    private final WorkOrderStore store;
    private final WorkOrderService orders;
    private final AssetService assets;
    private final GroupService groups;
    private final TenantService tenants;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ImageReading photos;

    WorkOrderPlaces(
            WorkOrderStore store,
            WorkOrderService orders,
            AssetService assets,
            GroupService groups,
            TenantService tenants,
            CurrentUser currentUser,
            Clock clock,
            ScanProperties scanning) {
        this.store = store;
        this.orders = orders;
        this.assets = assets;
        this.groups = groups;
        this.tenants = tenants;
        this.currentUser = currentUser;
        this.clock = clock;
        this.photos = new ImageReading(scanning.photoMaxSize().toBytes(), scanning.photoMaxPixels(), PHOTO_SIDE);
    }

    /**
     * The asset the device is mounted at, and optionally where the phone was; the group then defaults to the one
     * last used at the asset's site, or else to the one the installer used last, or else to the tenant's default group.
     */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
    public WorkOrder chooseAsset(long id, long assetId, @Nullable Double latitude, @Nullable Double longitude) {
        orders.load(id);
        List<Asset> all = assets.all();
        Asset asset = all.stream()
                .filter(candidate -> candidate.id() == assetId)
                .findFirst()
                .orElseThrow(() -> new AssetException(AssetException.Problem.NOT_FOUND, String.valueOf(assetId)));
        List<Long> sameSite = all.stream()
                .filter(candidate -> candidate.path().get(0).equals(asset.path().get(0)))
                .map(Asset::id)
                .toList();
        long tenantId = currentUser.tenantId();
        String defaultGroup = store.lastGroup(
                        tenantId, sameSite, currentUser.require().subject())
                .orElseGet(() -> tenants.currentSettings().defaultGroupId());
        store.chooseAsset(tenantId, id, assetId, defaultGroup, latitude, longitude, clock.instant());
        return orders.load(id);
    }

    /** The group; only a group the tenant has can be chosen. Then the order waits for confirming. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
    public WorkOrder chooseGroup(long id, GroupId groupId) {
        orders.load(id);
        if (groups.find(groupId).isEmpty()) {
            throw new GroupNotFoundException(groupId);
        }
        store.chooseGroup(currentUser.tenantId(), id, groupId.value(), clock.instant());
        return orders.load(id);
    }

    /**
     * Keeps a photo of the mounting spot with the work order, made at most {@link #PHOTO_SIDE} pixels a side (EXIF
     * orientation honoured); a file that is not an image, or too large, is an {@link UnreadableImageException}.
     */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
    public void addPhoto(long id, byte[] upload) throws UnreadableImageException {
        orders.load(id);
        BufferedImage read = photos.read(upload).image();
        // The reading subsamples by whole steps only; the rest of the way is scaled smoothly.
        double scale = Math.min(1.0, (double) PHOTO_SIDE / Math.max(read.getWidth(), read.getHeight()));
        int width = Math.max(1, (int) Math.round(read.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(read.getHeight() * scale));
        var rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var graphics = rgb.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.drawImage(read, 0, 0, width, height, null);
        graphics.dispose();
        var jpeg = new ByteArrayOutputStream();
        try {
            ImageIO.write(rgb, "jpg", jpeg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        store.photo(currentUser.tenantId(), id, jpeg.toByteArray(), clock.instant());
    }

    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
    public Optional<byte[]> photo(long id) {
        orders.load(id);
        return store.photo(currentUser.tenantId(), id);
    }

    /** The tenant's assets to choose from: the installer's recently used ones first, then all in the tree's order. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
    public List<Asset> assetChoices() {
        List<Asset> all = assets.all();
        List<Long> recent =
                store.recentAssets(currentUser.tenantId(), currentUser.require().subject(), RECENT_ASSETS);
        var ordered = new ArrayList<>(all);
        ordered.sort(Comparator.comparingInt(asset -> {
            int at = recent.indexOf(asset.id());
            return at < 0 ? recent.size() : at;
        }));
        return ordered;
    }
}
