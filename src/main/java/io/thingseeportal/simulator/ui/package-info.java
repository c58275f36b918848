@NullMarked
package io.thingseeportal.simulator.ui;

import org.jspecify.annotations.NullMarked;
