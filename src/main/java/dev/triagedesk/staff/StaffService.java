package dev.triagedesk.staff;

import dev.triagedesk.audit.AuditAction;
import dev.triagedesk.audit.AuditLog;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts and API tokens. Passwords are only ever stored hashed; tokens only as SHA-256. */
@Service
public class StaffService {

    /** Shortest password accepted: long enough to resist guessing at the throttled sign-in rate. */
    public static final int MIN_PASSWORD = 12;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TOKEN_PREFIX = "tdk_";

    /** A token and its raw value, which is shown once and never stored. */
    public record IssuedToken(ApiToken token, String raw) {
    }

    private final StaffUserRepository users;
    private final ApiTokenRepository tokens;
    private final PasswordEncoder passwords;
    private final Clock clock;
    /** Changes an administrator makes to accounts are recorded with no ticket (the Activity page lists them). */
    private final AuditLog audit;

    StaffService(StaffUserRepository users, ApiTokenRepository tokens, PasswordEncoder passwords, Clock clock,
                 AuditLog audit) {
        this.users = users;
        this.tokens = tokens;
        this.passwords = passwords;
        this.clock = clock;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public boolean anyAccount() {
        return users.count() > 0;
    }

    /** Adds an account as an administrator does on the Staff page: the Activity page shows who added it. */
    @Transactional
    public StaffUser create(String username, String displayName, String password, Role role, String actor) {
        StaffUser made = create(username, displayName, password, role);
        audit.recordChange(null, actor, AuditAction.ACCOUNT_ADDED, made.getUsername() + " (" + label(role) + ")");
        return made;
    }

    @Transactional
    public StaffUser create(String username, String displayName, String password, Role role) {
        String name = username == null ? "" : username.trim();
        if (!name.matches("[A-Za-z0-9._@-]{2,100}")) {
            throw new IllegalArgumentException("a user name is 2 to 100 letters, digits, dots, dashes, @ or underscores");
        }
        if (users.findByUsernameIgnoreCase(name).isPresent()) {
            throw new IllegalArgumentException("the user name " + name + " is taken");
        }
        checkPassword(password);
        return users.save(new StaffUser(name, displayName, passwords.encode(password), role, clock.instant()));
    }

    /**
     * Creates the first administrator, only while there is no account at all: the first-run setup page and the
     * {@code TRIAGE_ADMIN_*} environment variables both use it. Returns empty when an account already exists.
     */
    @Transactional
    public synchronized Optional<StaffUser> createFirstAdmin(String username, String password) {
        if (users.count() > 0) {
            return Optional.empty();
        }
        return Optional.of(create(username, null, password, Role.ADMIN));
    }

    /**
     * Disables or enables an account. Disabling also revokes the member's API tokens for good: enabling the account
     * again does not bring them back (the member makes new ones).
     */
    @Transactional
    public void setEnabled(long userId, boolean enabled, String actor) {
        StaffUser u = users.findById(userId).orElseThrow();
        if (!enabled && u.isEnabled() && u.getRole() == Role.ADMIN && users.lockEnabledAdmins().size() <= 1) {
            throw new IllegalArgumentException("the last enabled administrator cannot be disabled");
        }
        int revoked = enabled ? 0 : revokeAllTokens(u);
        if (u.isEnabled() != enabled) {
            u.setEnabled(enabled);
            audit.recordChange(null, actor, enabled ? AuditAction.ACCOUNT_ENABLED : AuditAction.ACCOUNT_DISABLED,
                    u.getUsername() + tokensRevoked(revoked));
        }
    }

    /**
     * Makes an account an agent or an administrator. At least one enabled administrator always remains: the last
     * one cannot be made an agent (themself included; make someone else an administrator first).
     */
    @Transactional
    public void changeRole(long userId, Role role, String actor) {
        StaffUser u = users.findById(userId).orElseThrow();
        if (u.getRole() == role) {
            return;
        }
        if (u.isEnabled() && u.getRole() == Role.ADMIN && users.lockEnabledAdmins().size() <= 1) {
            throw new IllegalArgumentException(u.getUsername() + " is the last enabled administrator: make someone"
                    + " else an administrator first");
        }
        audit.recordChange(null, actor, AuditAction.ROLE_CHANGED, u.getUsername() + ": " + label(u.getRole()) + " → "
                + label(role));
        u.setRole(role);
    }

    private static String label(Role role) {
        return role == Role.ADMIN ? "administrator" : "agent";
    }

    /**
     * An administrator sets a new password for a member, for instance one whose password may be known to someone
     * else. Their API tokens, made while that was so, are revoked with it unless the administrator chooses to keep
     * them. Returns how many tokens were revoked.
     */
    @Transactional
    public int resetPassword(long userId, String password, String actor, boolean revokeTokens) {
        checkPassword(password);
        StaffUser u = users.findById(userId).orElseThrow();
        u.setPasswordHash(passwords.encode(password));
        int revoked = revokeTokens ? revokeAllTokens(u) : 0;
        audit.recordChange(null, actor, AuditAction.PASSWORD_RESET, "for " + u.getUsername() + tokensRevoked(revoked));
        return revoked;
    }

    /** Revokes every token of an account still in use; returns how many. */
    private int revokeAllTokens(StaffUser u) {
        int revoked = 0;
        for (ApiToken t : tokens.findByUserOrderByCreatedAtDesc(u)) {
            if (!t.isRevoked()) {
                t.revoke();
                revoked++;
            }
        }
        return revoked;
    }

    private static String tokensRevoked(int revoked) {
        return revoked == 0 ? "" : "; " + revoked + (revoked == 1 ? " API token" : " API tokens") + " revoked";
    }

    /** How many API tokens each account has in use (not revoked), by account id; accounts without any are left out. */
    @Transactional(readOnly = true)
    public Map<Long, Long> activeTokenCounts() {
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : tokens.countActiveByUser()) {
            counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        return counts;
    }

    /** A staff member changes their own password; the current one must be given. */
    @Transactional
    public void changeOwnPassword(long userId, String current, String password) {
        StaffUser u = users.findById(userId).orElseThrow();
        if (current == null || !passwords.matches(current, u.getPasswordHash())) {
            throw new IllegalArgumentException("the current password is not right");
        }
        checkPassword(password);
        u.setPasswordHash(passwords.encode(password));
    }

    @Transactional(readOnly = true)
    public Optional<StaffUser> byId(long userId) {
        return users.findById(userId);
    }

    @Transactional(readOnly = true)
    public List<StaffUser> all() {
        return users.findAllByOrderByUsernameAsc();
    }

    @Transactional(readOnly = true)
    public List<StaffUser> enabled() {
        return users.findByEnabledTrueOrderByUsernameAsc();
    }

    @Transactional(readOnly = true)
    public Optional<StaffUser> byUsername(String username) {
        return users.findByUsernameIgnoreCase(username);
    }

    @Transactional
    public IssuedToken issueToken(long userId, String name) {
        StaffUser user = users.findById(userId).orElseThrow();
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String value = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        String label = name == null || name.isBlank() ? "token" : name.trim();
        ApiToken token = tokens.save(new ApiToken(user, label.length() > 100 ? label.substring(0, 100) : label,
                sha256(value), clock.instant()));
        return new IssuedToken(token, value);
    }

    @Transactional
    public void revokeToken(long userId, long tokenId) {
        ApiToken t = tokens.findById(tokenId).orElseThrow();
        if (!t.getUser().getId().equals(userId)) {
            throw new IllegalArgumentException("not your token");
        }
        t.revoke();
    }

    @Transactional(readOnly = true)
    public List<ApiToken> tokensOf(long userId) {
        return tokens.findByUserOrderByCreatedAtDesc(users.findById(userId).orElseThrow());
    }

    /** The enabled staff member a raw API token belongs to, if the token is valid. */
    @Transactional
    public Optional<StaffUser> authenticateToken(String raw) {
        if (raw == null || !raw.startsWith(TOKEN_PREFIX) || raw.length() > 200) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(sha256(raw)).filter(t -> !t.isRevoked() && t.getUser().isEnabled()).map(t -> {
            t.used(clock.instant());
            return t.getUser();
        });
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("a password has at least " + MIN_PASSWORD + " characters");
        }
        if (password.toLowerCase(Locale.ROOT).matches("(password|admin|triage|changeme|123456).*")) {
            throw new IllegalArgumentException("choose a password that is not a common one");
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
