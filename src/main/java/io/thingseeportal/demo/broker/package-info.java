@NullMarked
package io.thingseeportal.demo.broker;

import org.jspecify.annotations.NullMarked;
