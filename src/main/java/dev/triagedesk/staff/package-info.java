/**
 * Help-desk staff accounts: agents and admins, hashed passwords, personal API tokens (stored only as hashes),
 * and the first administrator, which comes from the environment or the first-run setup page, never a default.
 */
package dev.triagedesk.staff;
