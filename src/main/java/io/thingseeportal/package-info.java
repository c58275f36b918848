@NullMarked
package io.thingseeportal;

import org.jspecify.annotations.NullMarked;
