/** Reading and writing CSV files, for the features' exports and imports. Depends on no feature. */
@NullMarked
package io.thingseeportal.csv;

import org.jspecify.annotations.NullMarked;
