/** The installer's screens: scanning a sensor's label, on a phone first. */
@NullMarked
package io.thingseeportal.installation.ui;

import org.jspecify.annotations.NullMarked;
