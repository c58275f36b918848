/** A change refused with a message key and its arguments, for the views to say why in the user's language. */
@NullMarked
package io.thingseeportal.refusal;

import org.jspecify.annotations.NullMarked;
