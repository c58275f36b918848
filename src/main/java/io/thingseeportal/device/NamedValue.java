package io.thingseeportal.device;

/**
 * One of the values a parameter offers, for example {@code hallMode} -1 "disabled".
 *
 * @param value the value as sent: a {@link Long} for a number, a {@link String} for a text
 * @param labelKey the translation key of its label, {@code catalog.<tsmId>.<field>.<value>}
 */
public record NamedValue(Object value, String labelKey) {}
