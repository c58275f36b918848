@NullMarked
package io.thingseeportal.device;

import org.jspecify.annotations.NullMarked;
