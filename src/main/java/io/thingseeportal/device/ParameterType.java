package io.thingseeportal.device;

/** What a configuration or command parameter holds, as the message catalog says. */
public enum ParameterType {
    /** A whole number, sent as a JSON integer. */
    INTEGER,
    /** A number that may have decimals, for example a hysteresis of 0.5 °C. */
    DECIMAL,
    /** A text, for example a gateway's remote command. */
    TEXT,
    /** A list of whole numbers of a fixed length, for example a distance sensor's region of interest [X1,Y1,X2,Y2]. */
    INTEGERS
}
