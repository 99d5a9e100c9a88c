/**
 * Help-desk staff accounts: agents and admins, hashed passwords, personal API tokens (stored only as hashes),
 * and the first administrator, which comes from the environment or the first-run setup page, never a default.
 * How anyone signs in is {@code security}'s: the account pages ({@code web}) ask for the signed-in member
 * ({@link dev.triagedesk.staff.SignedInStaff}) and for a session kept over a password change
 * ({@link dev.triagedesk.staff.SignInRenewal}) through interfaces the sign-in implements.
 */
package dev.triagedesk.staff;
