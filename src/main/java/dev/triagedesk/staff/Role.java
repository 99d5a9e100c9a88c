package dev.triagedesk.staff;

/** What a staff member may do: agents work tickets, admins also manage accounts. */
public enum Role {
    AGENT,
    ADMIN
}
