/** Components of our own that several features use, each wrapping one web component of {@code frontend/components}. */
@NullMarked
package io.thingseeportal.base.ui.component;

import org.jspecify.annotations.NullMarked;
