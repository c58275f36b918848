/** The audit log: who did what, when and from where, for admins (their tenant) and operators (all). */
@NullMarked
package io.thingseeportal.audit;

import org.jspecify.annotations.NullMarked;
