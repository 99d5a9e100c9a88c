package dev.triagedesk.security;

import dev.triagedesk.staff.StaffService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Looks staff members up for password sign-in (form and HTTP Basic). */
@Component
class StaffUserDetailsService implements UserDetailsService {

    private final StaffService staff;

    StaffUserDetailsService(StaffService staff) {
        this.staff = staff;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return staff.byUsername(username).map(StaffPrincipal::new)
                .orElseThrow(() -> new UsernameNotFoundException("no such staff member"));
    }
}
