package io.thingseeportal.asset;

import java.util.Locale;
import java.util.Optional;

/** The levels of the asset tree, from the top: a site holds buildings, a building floors, a floor spaces. */
public enum AssetKind {
    SITE,
    BUILDING,
    FLOOR,
    SPACE;

    /** The kind of this kind's children; a space has none. */
    public Optional<AssetKind> childKind() {
        return this == SPACE ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }

    /** The translation key of the kind's name. */
    public String messageKey() {
        return "asset.kind." + name().toLowerCase(Locale.ROOT);
    }
}
