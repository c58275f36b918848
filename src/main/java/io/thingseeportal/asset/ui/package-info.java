/** The admins' asset tree: adding, renaming, moving and deleting places, and importing them from CSV. */
@NullMarked
package io.thingseeportal.asset.ui;

import org.jspecify.annotations.NullMarked;
