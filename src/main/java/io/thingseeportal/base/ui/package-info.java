@NullMarked
package io.thingseeportal.base.ui;

import org.jspecify.annotations.NullMarked;
