/**
 * The built-in Thingsee cloud: the Open Services API over real HTTP, for the demo and the tests. It behaves as
 * REFERENCE.md section 9 fixes, so that the portal's client talks to it exactly as to Haltian's cloud. Nothing
 * outside this package imports it; the portal reaches it only over HTTP (and, later, MQTT).
 */
@NullMarked
package io.thingseeportal.simulator;

import org.jspecify.annotations.NullMarked;
