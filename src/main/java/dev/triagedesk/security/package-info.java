/**
 * Who may do what: staff sign-in (form and HTTP Basic or personal API tokens for scripts), the first-run setup,
 * sign-in throttling, and the password hashing used by {@link dev.triagedesk.staff.StaffService}.
 */
package dev.triagedesk.security;
