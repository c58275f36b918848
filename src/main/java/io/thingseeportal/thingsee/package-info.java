/** The boundary to the Thingsee cloud: {@link io.thingseeportal.thingsee.ThingseeClient} and the records it speaks. */
@NullMarked
package io.thingseeportal.thingsee;

import org.jspecify.annotations.NullMarked;
