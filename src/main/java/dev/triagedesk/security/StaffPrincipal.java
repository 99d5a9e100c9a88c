package dev.triagedesk.security;

import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.SignedInStaff;
import dev.triagedesk.staff.StaffUser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The signed-in staff member: Spring Security's user plus the account's id and display name. */
public class StaffPrincipal extends User implements SignedInStaff {

    private final long staffId;
    private final String displayName;
    private final Role role;
    /** Which password this sign-in was made with; the password itself is erased once it is checked. */
    private final String credentialStamp;

    StaffPrincipal(StaffUser user) {
        super(user.getUsername(), user.getPasswordHash(), user.isEnabled(), true, true, true, authorities(user.getRole()));
        this.staffId = user.getId();
        this.displayName = user.getDisplayName();
        this.role = user.getRole();
        this.credentialStamp = stamp(user);
    }

    /**
     * Whether this sign-in still stands for the account as it is now: enabled, with the role it was made with (its
     * rights come from it), and with the password it was made with (a password set since, by an administrator or
     * on another device, ends it).
     */
    boolean stillValidFor(StaffUser user) {
        return user.isEnabled() && user.getId() == staffId && user.getRole() == role && MessageDigest.isEqual(
                credentialStamp.getBytes(StandardCharsets.UTF_8), stamp(user).getBytes(StandardCharsets.UTF_8));
    }

    private static String stamp(StaffUser user) {
        try {
            // a digest of the hash, so the session never holds the hash itself
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(user.getPasswordHash().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Admins can do everything agents can, so they hold both roles. */
    static List<GrantedAuthority> authorities(Role role) {
        return role == Role.ADMIN
                ? List.of(new SimpleGrantedAuthority("ROLE_AGENT"), new SimpleGrantedAuthority("ROLE_ADMIN"))
                : List.of(new SimpleGrantedAuthority("ROLE_AGENT"));
    }

    @Override
    public long getStaffId() {
        return staffId;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Role getRole() {
        return role;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    // User's equals/hashCode compare the user name, which is what session registries expect.
    @Override
    public boolean equals(Object o) {
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
