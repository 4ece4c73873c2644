package dev.switchboard.app;

/** Prints a long test's phases with the seconds since it began, so that its report shows where the time went. */
final class Progress {

    private final String test;
    private final long start = System.nanoTime();

    Progress(String test) {
        this.test = test;
    }

    void say(String what) {
        System.out.printf("[%s +%.1f s] %s%n", test, (System.nanoTime() - start) / 1e9, what);
    }
}
