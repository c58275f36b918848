package io.thingseeportal.thingsee.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * What an error answer said. Thingsee's body is {@code {"statusCode", "error", "message"}}; anything else (an HTML
 * page from a proxy, plain text, nothing) still gives the reason phrase and a short, tag-free excerpt.
 */
record ErrorBody(String reason, String message) {

    private static final int EXCERPT = 200;

    static ErrorBody parse(ObjectMapper json, HttpStatusCode status, String body) {
        String phrase = status instanceof HttpStatus known ? known.getReasonPhrase() : "HTTP " + status.value();
        try {
            JsonNode node = json.readTree(body);
            if (node != null && node.isObject()) {
                return new ErrorBody(
                        node.path("error").asText(phrase), node.path("message").asText(""));
            }
        } catch (java.io.IOException notJson) {
            // fall through: a non-JSON body is reported by its text
        }
        return new ErrorBody(phrase, excerpt(body));
    }

    private static String excerpt(String body) {
        String text = body.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", " ")
                .replaceAll("<[^>]+>", " ")
                .replaceAll("\\s+", " ")
                .trim();
        return text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text;
    }
}
