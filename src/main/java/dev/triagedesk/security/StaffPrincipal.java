package dev.triagedesk.security;

import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffUser;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The signed-in staff member: Spring Security's user plus the account's id and display name. */
public class StaffPrincipal extends User {

    private final long staffId;
    private final String displayName;
    private final Role role;

    StaffPrincipal(StaffUser user) {
        super(user.getUsername(), user.getPasswordHash(), user.isEnabled(), true, true, true, authorities(user.getRole()));
        this.staffId = user.getId();
        this.displayName = user.getDisplayName();
        this.role = user.getRole();
    }

    /** Admins can do everything agents can, so they hold both roles. */
    static List<GrantedAuthority> authorities(Role role) {
        return role == Role.ADMIN
                ? List.of(new SimpleGrantedAuthority("ROLE_AGENT"), new SimpleGrantedAuthority("ROLE_ADMIN"))
                : List.of(new SimpleGrantedAuthority("ROLE_AGENT"));
    }

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
