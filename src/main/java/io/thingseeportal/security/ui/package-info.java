@NullMarked
package io.thingseeportal.security.ui;

import org.jspecify.annotations.NullMarked;
