@NullMarked
package io.thingseeportal.tenant;

import org.jspecify.annotations.NullMarked;
