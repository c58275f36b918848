@NullMarked
package io.thingseeportal.base;

import org.jspecify.annotations.NullMarked;
