/**
 * The demo over HTTPS for phones on the same network: the LAN address, a self-signed certificate for it, a second
 * connector, and the address to open as text and as a QR code in the console.
 */
@NullMarked
package io.thingseeportal.demo.https;

import org.jspecify.annotations.NullMarked;
