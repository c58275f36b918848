/** Secrets at rest: tenants' client secrets and passwords are kept in the database only sealed (AES-GCM). */
@NullMarked
package io.thingseeportal.secrets;

import org.jspecify.annotations.NullMarked;
