@NullMarked
package io.thingseeportal.bulk.ui;

import org.jspecify.annotations.NullMarked;
