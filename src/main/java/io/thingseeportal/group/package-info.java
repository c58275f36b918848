@NullMarked
package io.thingseeportal.group;

import org.jspecify.annotations.NullMarked;
