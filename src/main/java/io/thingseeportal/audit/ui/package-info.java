@NullMarked
package io.thingseeportal.audit.ui;

import org.jspecify.annotations.NullMarked;
