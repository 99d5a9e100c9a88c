package dev.triagedesk.security;

import java.time.Duration;
import java.util.function.Predicate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in (form and HTTP Basic) behind the {@link SignInThrottle}: while an attempt is throttled it is
 * refused before the password is checked, so waiting is the only way on. Whether the name given is an account's
 * decides what the attempt is counted against (see the throttle).
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final Predicate<String> isAccount;

    ThrottledAuthenticationProvider(AuthenticationProvider passwords, SignInThrottle throttle,
                                    Predicate<String> isAccount) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.isAccount = isAccount;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        var attempt = new SignInThrottle.Attempt(username, username != null && !username.isBlank()
                && isAccount.test(username.trim()), address);
        Duration wait = throttle.waitFor(attempt);
        if (!wait.isZero()) {
            throw new SignInThrottledException(wait);
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.succeeded(attempt);
            return result;
        } catch (BadCredentialsException e) {
            throttle.failed(attempt);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
