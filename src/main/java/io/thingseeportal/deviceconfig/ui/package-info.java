@NullMarked
package io.thingseeportal.deviceconfig.ui;

import org.jspecify.annotations.NullMarked;
