package dev.switchboard.ui.editor;

import java.util.ArrayList;
import java.util.List;

/**
 * A side-by-side line diff of two texts (two versions of a workflow as pretty JSON): the common start
 * and end are matched directly, the middle by longest common subsequence. A middle too large for that
 * ({@value #MAX_CELLS} cells) is shown as replaced, so a diff never takes long or much memory.
 */
final class JsonDiff {

    static final int MAX_CELLS = 4_000_000;

    enum Kind { SAME, CHANGED, REMOVED, ADDED }

    /** One row: the left line (or null), the right line (or null), and how they differ. */
    record Row(String left, String right, Kind kind) {
    }

    private JsonDiff() {
    }

    static List<Row> of(String leftText, String rightText) {
        List<String> a = leftText.lines().toList();
        List<String> b = rightText.lines().toList();
        int start = 0;
        while (start < a.size() && start < b.size() && a.get(start).equals(b.get(start))) {
            start++;
        }
        int endA = a.size();
        int endB = b.size();
        while (endA > start && endB > start && a.get(endA - 1).equals(b.get(endB - 1))) {
            endA--;
            endB--;
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < start; i++) {
            rows.add(new Row(a.get(i), b.get(i), Kind.SAME));
        }
        middle(a.subList(start, endA), b.subList(start, endB), rows);
        for (int i = endA, j = endB; i < a.size(); i++, j++) {
            rows.add(new Row(a.get(i), b.get(j), Kind.SAME));
        }
        return rows;
    }

    private static void middle(List<String> a, List<String> b, List<Row> rows) {
        int n = a.size();
        int m = b.size();
        if ((long) (n + 1) * (m + 1) > MAX_CELLS) {
            pair(a, 0, n, b, 0, m, rows);
            return;
        }
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        int gapA = 0;
        int gapB = 0;
        while (i < n && j < m) {
            if (a.get(i).equals(b.get(j))) {
                pair(a, gapA, i, b, gapB, j, rows);
                rows.add(new Row(a.get(i), b.get(j), Kind.SAME));
                i++;
                j++;
                gapA = i;
                gapB = j;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        pair(a, gapA, n, b, gapB, m, rows);
    }

    /** Lines that differ, side by side: changed where both sides have a line, else removed or added. */
    private static void pair(List<String> a, int fromA, int toA, List<String> b, int fromB, int toB, List<Row> rows) {
        int i = fromA;
        int j = fromB;
        while (i < toA || j < toB) {
            String left = i < toA ? a.get(i++) : null;
            String right = j < toB ? b.get(j++) : null;
            rows.add(new Row(left, right, left == null ? Kind.ADDED : right == null ? Kind.REMOVED : Kind.CHANGED));
        }
    }
}
