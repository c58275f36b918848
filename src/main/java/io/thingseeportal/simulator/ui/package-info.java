/** Pages of the built-in Thingsee cloud simulator, present only while it is enabled. */
@NullMarked
package io.thingseeportal.simulator.ui;

import org.jspecify.annotations.NullMarked;
