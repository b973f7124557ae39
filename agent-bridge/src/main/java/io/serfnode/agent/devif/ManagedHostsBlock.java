package io.serfnode.agent.devif;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Serfnode's block inside a hosts file that others also write (a container's {@code /etc/hosts}): the lines
 * between {@code # serfnode begin} and {@code # serfnode end}. Every line outside the markers is kept as it
 * is; a file without the block gets it appended at the end.
 */
final class ManagedHostsBlock {
    static final String BEGIN = "# serfnode begin";
    static final String END = "# serfnode end";

    private ManagedHostsBlock() {
    }

    /**
     * The file's text with the block holding exactly {@code lines}.
     *
     * @param file only for error messages
     * @throws IllegalStateException when the markers are unpaired, nested or repeated: guessing where the
     *                               block ends could delete lines that belong to someone else
     */
    static String merge(String existing, List<String> lines, Path file) {
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        int beginLine = 0;
        int endLine = 0;
        String[] existingLines = existing.isEmpty() ? new String[0] : existing.split("\n", -1);
        int count = existingLines.length;
        if (count > 0 && existingLines[count - 1].isEmpty()) {
            count--; // the text after the final newline
        }
        for (int index = 0; index < count; index++) {
            String line = existingLines[index];
            int lineNumber = index + 1;
            if (line.strip().equals(BEGIN)) {
                if (beginLine != 0) {
                    throw new IllegalStateException(file + ":" + lineNumber + ": a second '" + BEGIN
                            + "' (the first is on line " + beginLine + "); fix the file by hand");
                }
                beginLine = lineNumber;
            } else if (line.strip().equals(END)) {
                if (beginLine == 0 || endLine != 0) {
                    throw new IllegalStateException(file + ":" + lineNumber + ": '" + END
                            + "' without a '" + BEGIN + "' before it; fix the file by hand");
                }
                endLine = lineNumber;
            } else if (beginLine == 0) {
                before.add(line);
            } else if (endLine != 0) {
                after.add(line);
            }
        }
        if (beginLine != 0 && endLine == 0) {
            throw new IllegalStateException(file + ":" + beginLine + ": '" + BEGIN + "' is never closed by '"
                    + END + "'; fix the file by hand");
        }
        StringBuilder text = new StringBuilder();
        before.forEach(line -> text.append(line).append('\n'));
        text.append(BEGIN).append('\n');
        lines.forEach(line -> text.append(line).append('\n'));
        text.append(END).append('\n');
        after.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }
}
