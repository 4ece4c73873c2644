package dev.switchboard.nodes.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntBiFunction;

/**
 * {@code Array.prototype.sort} as V8 (and so n8n) runs it: TimSort with V8's run detection, minimum
 * run length and binary insertion. n8n's comparators are not always consistent (null against a
 * string is "greater" both ways), and then the order depends on the algorithm's exact steps; this
 * follows them (merges are plain stable merges, which agree with V8's galloping ones whenever the
 * comparator is consistent). Never throws on an inconsistent comparator, unlike {@code List.sort}.
 */
final class JsArraySort {

    private JsArraySort() {
    }

    /** Sorts the list in place; {@code compare} returns negative, zero or positive as JavaScript's comparator would. */
    static <T> void sort(List<T> list, ToIntBiFunction<T, T> compare) {
        int n = list.size();
        if (n < 2) {
            return;
        }
        List<T> a = new ArrayList<>(list);
        List<int[]> runs = new ArrayList<>();
        int minRun = minRunLength(n);
        int low = 0;
        int remaining = n;
        while (remaining != 0) {
            int runLength = countAndMakeRun(a, low, low + remaining, compare);
            if (runLength < minRun) {
                int forced = Math.min(minRun, remaining);
                binaryInsertionSort(a, low, low + runLength, low + forced, compare);
                runLength = forced;
            }
            runs.add(new int[] {low, runLength});
            mergeCollapse(a, runs, compare);
            low += runLength;
            remaining -= runLength;
        }
        while (runs.size() > 1) {
            int i = runs.size() - 2;
            if (i > 0 && runs.get(i - 1)[1] < runs.get(i + 1)[1]) {
                i--;
            }
            mergeAt(a, runs, i, compare);
        }
        for (int i = 0; i < n; i++) {
            list.set(i, a.get(i));
        }
    }

    private static int minRunLength(int length) {
        int n = length;
        int r = 0;
        while (n >= 64) {
            r |= n & 1;
            n >>= 1;
        }
        return n + r;
    }

    private static <T> int countAndMakeRun(List<T> a, int lowArg, int high, ToIntBiFunction<T, T> compare) {
        int low = lowArg + 1;
        if (low == high) {
            return 1;
        }
        int runLength = 2;
        T previous = a.get(low);
        boolean descending = compare.applyAsInt(previous, a.get(low - 1)) < 0;
        for (int i = low + 1; i < high; i++) {
            T current = a.get(i);
            int order = compare.applyAsInt(current, previous);
            if (descending ? order >= 0 : order < 0) {
                break;
            }
            previous = current;
            runLength++;
        }
        if (descending) {
            for (int i = lowArg, j = lowArg + runLength - 1; i < j; i++, j--) {
                T t = a.get(i);
                a.set(i, a.get(j));
                a.set(j, t);
            }
        }
        return runLength;
    }

    private static <T> void binaryInsertionSort(List<T> a, int low, int startArg, int high, ToIntBiFunction<T, T> compare) {
        for (int start = low == startArg ? startArg + 1 : startArg; start < high; start++) {
            T pivot = a.get(start);
            int left = low;
            int right = start;
            while (left < right) {
                int mid = left + ((right - left) >> 1);
                if (compare.applyAsInt(pivot, a.get(mid)) < 0) {
                    right = mid;
                } else {
                    left = mid + 1;
                }
            }
            for (int p = start; p > left; p--) {
                a.set(p, a.get(p - 1));
            }
            a.set(left, pivot);
        }
    }

    private static boolean invariantHolds(List<int[]> runs, int n) {
        if (n < 2) {
            return true;
        }
        return runs.get(n - 2)[1] > runs.get(n - 1)[1] + runs.get(n)[1];
    }

    private static <T> void mergeCollapse(List<T> a, List<int[]> runs, ToIntBiFunction<T, T> compare) {
        while (runs.size() > 1) {
            int n = runs.size() - 2;
            if (!invariantHolds(runs, n + 1) || !invariantHolds(runs, n)) {
                if (n > 0 && runs.get(n - 1)[1] < runs.get(n + 1)[1]) {
                    n--;
                }
                mergeAt(a, runs, n, compare);
            } else if (runs.get(n)[1] <= runs.get(n + 1)[1]) {
                mergeAt(a, runs, n, compare);
            } else {
                break;
            }
        }
    }

    private static <T> void mergeAt(List<T> a, List<int[]> runs, int i, ToIntBiFunction<T, T> compare) {
        int baseA = runs.get(i)[0];
        int lengthA = runs.get(i)[1];
        int lengthB = runs.get(i + 1)[1];
        runs.set(i, new int[] {baseA, lengthA + lengthB});
        runs.remove(i + 1);
        List<T> left = new ArrayList<>(a.subList(baseA, baseA + lengthA));
        int cursorA = 0;
        int cursorB = baseA + lengthA;
        int endB = cursorB + lengthB;
        int dest = baseA;
        while (cursorA < left.size() && cursorB < endB) {
            T b = a.get(cursorB);
            if (compare.applyAsInt(b, left.get(cursorA)) < 0) {
                a.set(dest++, b);
                cursorB++;
            } else {
                a.set(dest++, left.get(cursorA++));
            }
        }
        while (cursorA < left.size()) {
            a.set(dest++, left.get(cursorA++));
        }
    }
}
