package dev.tailgap.reports;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;

/**
 * The pretty-printing of every JSON document tailgap writes: two-space indentation, LF, {@code "key": value},
 * {@code {}} and {@code []} for empty containers. Written against the API Jackson has had since 2.10, so it behaves
 * the same with the Jackson versions application builds pin (2.15 and later); Jackson's own {@code Separators}
 * spacing options exist only from 2.16.
 */
final class JsonPrinter extends DefaultPrettyPrinter {
    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");

    JsonPrinter() {
        indentObjectsWith(INDENT);
        indentArraysWith(INDENT);
    }

    private JsonPrinter(JsonPrinter base) {
        super(base);
    }

    @Override
    public JsonPrinter createInstance() {
        return new JsonPrinter(this);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(": ");
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
        if (!_objectIndenter.isInline()) {
            --_nesting;
        }
        if (entries > 0) {
            _objectIndenter.writeIndentation(g, _nesting);
        }
        g.writeRaw('}');
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
        if (!_arrayIndenter.isInline()) {
            --_nesting;
        }
        if (values > 0) {
            _arrayIndenter.writeIndentation(g, _nesting);
        }
        g.writeRaw(']');
    }
}
