@NullMarked
package io.thingseeportal.thingsee.mqtt;

import org.jspecify.annotations.NullMarked;
