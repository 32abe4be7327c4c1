package org.rasd.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A plain-text table: the first column aligned left, the others right, each as wide as its widest cell. */
public final class TextTable {

    private static final String GAP = "  ";

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(List<String> headers) {
        this.headers = List.copyOf(headers);
    }

    public TextTable add(List<String> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException(cells.size() + " cells for " + headers.size() + " columns");
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    public String render() {
        int[] widths = new int[headers.size()];
        for (List<String> row : allRows()) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        line(text, headers, widths);
        List<String> rules = new ArrayList<>();
        for (int width : widths) {
            rules.add("-".repeat(width));
        }
        line(text, rules, widths);
        rows.forEach(row -> line(text, row, widths));
        return text.toString();
    }

    private List<List<String>> allRows() {
        List<List<String>> all = new ArrayList<>(rows);
        all.add(headers);
        return all;
    }

    private static void line(StringBuilder text, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            String pad = " ".repeat(widths[i] - cell.length());
            line.append(i == 0 ? "" : GAP).append(i == 0 ? cell + pad : pad + cell);
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }

    /** A rate or count, rounded to a whole number. */
    public static String whole(double value) {
        return Long.toString(Math.round(value));
    }

    /** Milliseconds: one decimal below 100, whole above. */
    public static String millis(double value) {
        return value < 100 ? String.format(Locale.ROOT, "%.1f", value) : whole(value);
    }

    /** What a figure that could not be measured shows. */
    public static final String NONE = "-";
}
