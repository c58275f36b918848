package io.thingseeportal.simulator;

/** The envelope of every successful answer: {@code {"data": ...}}. */
record ApiData<T>(T data) {

    static <T> ApiData<T> of(T data) {
        return new ApiData<>(data);
    }
}
