@NullMarked
package io.thingseeportal.security;

import org.jspecify.annotations.NullMarked;
