/** Helpers for reading settings that the features share; nothing here depends on a feature. */
@NullMarked
package io.thingseeportal.settings;

import org.jspecify.annotations.NullMarked;
