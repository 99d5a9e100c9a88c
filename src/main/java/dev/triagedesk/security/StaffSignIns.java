package dev.triagedesk.security;

import dev.triagedesk.staff.SignInRenewal;
import dev.triagedesk.staff.StaffService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** The browser sign-in of the staff member making the request. */
@Component
public class StaffSignIns implements SignInRenewal {

    private final StaffService staff;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    StaffSignIns(StaffService staff) {
        this.staff = staff;
    }

    /**
     * After staff members changed their own password: this session goes on with the new one, while their other
     * sessions end at their next request ({@link SignedInAccountCheck}).
     */
    @Override
    public void renew(HttpServletRequest request, HttpServletResponse response) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current == null || !(current.getPrincipal() instanceof StaffPrincipal me)) {
            return;
        }
        StaffPrincipal renewed = new StaffPrincipal(staff.byId(me.getStaffId()).orElseThrow());
        renewed.eraseCredentials();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(renewed, null,
                renewed.getAuthorities()));
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
    }
}
