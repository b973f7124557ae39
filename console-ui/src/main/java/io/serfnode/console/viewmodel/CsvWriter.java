package io.serfnode.console.viewmodel;

import java.io.IOException;
import java.io.Writer;

/** RFC 4180 rows: fields with commas, quotes or line breaks are quoted, quotes doubled. */
final class CsvWriter {
    private final Writer out;

    CsvWriter(Writer out) {
        this.out = out;
    }

    void row(String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            field(fields[i] == null ? "" : fields[i]);
        }
        out.write("\r\n");
    }

    private void field(String value) throws IOException {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        if (!quote) {
            out.write(value);
            return;
        }
        out.write('"');
        out.write(value.replace("\"", "\"\""));
        out.write('"');
    }
}
