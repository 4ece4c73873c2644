package dev.switchboard.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Processor time of a process by group of threads (the thread's name without its numbers: all of
 * Tomcat's request threads are one group), from {@code /proc/<pid>/task}. The benchmark prints it per
 * case, so that a figure says where the time went: requests, the database, the journal, GC or the JIT.
 */
final class ThreadCpu {

    private ThreadCpu() {
    }

    /** Microseconds of CPU so far per thread group; empty where /proc is not there. */
    static Map<String, Long> byGroup(long pid) {
        Map<String, Long> out = new TreeMap<>();
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return out;
        }
        try (Stream<Path> list = Files.list(tasks)) {
            list.forEach(task -> {
                try {
                    String group = Files.readString(task.resolve("comm")).strip().replaceAll("\\d+", "N");
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    out.merge(group, ticks * 10_000, Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** The groups that used most between two readings, in µs per run: {@code http-nio-N-exec-N 410, VM Thread 95, …}. */
    static String describe(Map<String, Long> before, Map<String, Long> after, long runs) {
        return "CPU µs/run by thread: " + after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() * 50 >= total(before, after))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + e.getValue() / runs)
                .collect(Collectors.joining(", "));
    }

    /** The share (0 to 1) of the processor time between two readings that the groups matching {@code which} used. */
    static double share(Map<String, Long> before, Map<String, Long> after, java.util.function.Predicate<String> which) {
        long all = total(before, after);
        long part = 0;
        for (var e : after.entrySet()) {
            if (which.test(e.getKey())) {
                part += Math.max(0, e.getValue() - before.getOrDefault(e.getKey(), 0L));
            }
        }
        return all == 0 ? 0 : (double) part / all;
    }

    private static long total(Map<String, Long> before, Map<String, Long> after) {
        long sum = 0;
        for (var e : after.entrySet()) {
            sum += Math.max(0, e.getValue() - before.getOrDefault(e.getKey(), 0L));
        }
        return sum;
    }
}
