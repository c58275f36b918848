/**
 * Installing a sensor: reading its label (a camera frame, a photo or typed text) into a TUID, and the installation work
 * order that activates it, links it to an asset and puts it in a group.
 */
@NullMarked
package io.thingseeportal.installation;

import org.jspecify.annotations.NullMarked;
