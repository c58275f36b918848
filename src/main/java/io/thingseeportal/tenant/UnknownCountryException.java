package io.thingseeportal.tenant;

/** A two-letter code that is not an ISO 3166-1 country. */
public class UnknownCountryException extends IllegalArgumentException {

    private final String code;

    UnknownCountryException(String code) {
        super("'" + code + "' is not an ISO 3166-1 country code");
        this.code = code;
    }

    public String code() {
        return code;
    }
}
