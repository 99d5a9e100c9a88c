package dev.triagedesk.staff;

/**
 * The staff member a request is signed in as, as the staff pages need it. The sign-in implements it with its
 * principal ({@code dev.triagedesk.security.StaffPrincipal}), so accounts know nothing of how anyone signs in.
 */
public interface SignedInStaff {

    long getStaffId();

    String getUsername();
}
