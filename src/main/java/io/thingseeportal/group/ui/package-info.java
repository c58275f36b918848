@NullMarked
package io.thingseeportal.group.ui;

import org.jspecify.annotations.NullMarked;
