package dev.triagedesk;

import dev.triagedesk.cli.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Entry point. A first argument naming a command-line mode ({@code analyze}, {@code sanitize}, {@code help})
 * runs that mode without starting Spring or a web server; anything else starts the web application.
 */
@SpringBootApplication
public class TriageDeskApplication {

    public static void main(String[] args) {
        if (CommandLine.handles(args)) {
            System.exit(CommandLine.run(args, System.in, System.out, System.err));
        }
        SpringApplication.run(TriageDeskApplication.class, args);
    }
}
