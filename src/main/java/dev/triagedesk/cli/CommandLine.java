package dev.triagedesk.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** The command-line modes (analyze, sanitize); filled in with the HAR processor. */
public final class CommandLine {

    private CommandLine() {
    }

    public static boolean handles(String[] args) {
        return false;
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return 2;
    }
}
