package dev.triagedesk.staff;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Keeps the browser signed in after its staff member changed their own password, while their other sessions end.
 * The sign-in implements it ({@code dev.triagedesk.security.StaffSignIns}); the account page only asks for it.
 */
public interface SignInRenewal {

    void renew(HttpServletRequest request, HttpServletResponse response);
}
