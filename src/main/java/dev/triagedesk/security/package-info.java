/**
 * Who may do what: staff sign-in (form and HTTP Basic or personal API tokens for scripts), the first-run setup,
 * sign-in throttling, trusted proxies, CSRF, and the password hashing used by
 * {@link dev.triagedesk.staff.StaffService}. The signed-in member is a {@link dev.triagedesk.security.StaffPrincipal};
 * it and {@link dev.triagedesk.security.StaffSignIns} implement what the staff pages ask of the sign-in.
 */
package dev.triagedesk.security;
