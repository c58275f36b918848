@NullMarked
package io.thingseeportal.thingsee.live;

import org.jspecify.annotations.NullMarked;
