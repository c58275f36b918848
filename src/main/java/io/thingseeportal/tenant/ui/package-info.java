@NullMarked
package io.thingseeportal.tenant.ui;

import org.jspecify.annotations.NullMarked;
