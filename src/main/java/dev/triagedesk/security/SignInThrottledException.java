package dev.triagedesk.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A sign-in refused without checking the password, because too many attempts failed lately. */
public class SignInThrottledException extends AuthenticationException {

    private final Duration wait;

    SignInThrottledException(Duration wait) {
        super("Too many failed sign-ins: try again in " + Math.max(1, (wait.toMillis() + 999) / 1000) + " seconds.");
        this.wait = wait;
    }

    public Duration getWait() {
        return wait;
    }
}
