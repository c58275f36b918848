@NullMarked
package io.thingseeportal.demo;

import org.jspecify.annotations.NullMarked;
