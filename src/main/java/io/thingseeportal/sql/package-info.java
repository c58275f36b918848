/** Small SQL helpers the features' stores share; nothing here depends on a feature. */
@NullMarked
package io.thingseeportal.sql;

import org.jspecify.annotations.NullMarked;
