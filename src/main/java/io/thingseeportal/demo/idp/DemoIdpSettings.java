package io.thingseeportal.demo.idp;

import java.net.URI;
import java.util.List;

/**
 * What a demo identity provider is told by the portal that starts it.
 *
 * @param provider which of the demo's providers it is: its accounts and clients
 * @param issuer its issuer URL; its port is where it listens
 * @param portalBaseUrls the portal's addresses (no trailing slash) to which it may send users back
 */
record DemoIdpSettings(DemoProvider provider, URI issuer, List<String> portalBaseUrls) {}
