@NullMarked
package io.thingseeportal.device.ui;

import org.jspecify.annotations.NullMarked;
