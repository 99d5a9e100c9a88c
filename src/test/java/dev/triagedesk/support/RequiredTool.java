package dev.triagedesk.support;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need something outside the JVM (python3, Chromium, PostgreSQL) skip locally with a clear message
 * when it is missing, and fail in CI ({@code CI} set), where .ci/run installs everything.
 */
public final class RequiredTool {

    private RequiredTool() {
    }

    public static boolean inCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
    }

    /** Skips (locally) or fails (in CI) with {@code message} unless {@code available}. */
    public static void require(boolean available, String message) {
        if (available) {
            return;
        }
        if (inCi()) {
            Assertions.fail(message + " (required in CI)");
        }
        Assumptions.abort(message + " (skipped locally; .ci/run installs it)");
    }

    public static boolean commandWorks(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
