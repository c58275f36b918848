@NullMarked
package io.thingseeportal.deviceconfig;

import org.jspecify.annotations.NullMarked;
