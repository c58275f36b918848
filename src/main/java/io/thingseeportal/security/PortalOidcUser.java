package io.thingseeportal.security;

import java.util.Collection;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/** An OpenID Connect user that also carries the portal's view of them, resolved once at sign-in. */
public class PortalOidcUser extends DefaultOidcUser {

    private final PortalUser portalUser;

    public PortalOidcUser(
            Collection<? extends GrantedAuthority> authorities,
            OidcIdToken idToken,
            @Nullable OidcUserInfo userInfo,
            PortalUser portalUser) {
        super(authorities, idToken, userInfo);
        this.portalUser = portalUser;
    }

    public PortalUser portalUser() {
        return portalUser;
    }
}
