@NullMarked
package io.thingseeportal.demo.idp;

import org.jspecify.annotations.NullMarked;
