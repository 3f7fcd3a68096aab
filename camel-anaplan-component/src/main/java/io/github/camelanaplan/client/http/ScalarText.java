package io.github.camelanaplan.client.http;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Text that the API documents as a number, or leaves open (the Audit API's {@code "id": 123}): a string, a number or
 * a boolean is read as its text; an object or array is still a wrong type. Everywhere else {@link Json} refuses a
 * number where text is promised; this is the exception, field by field ({@code @JsonDeserialize(using = ...)}).
 */
public final class ScalarText extends StdScalarDeserializer<String> {

    private static final long serialVersionUID = 1L;

    public ScalarText() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT
            || token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return p.getText();
        }
        return (String) ctxt.handleUnexpectedToken(String.class, p);
    }
}
