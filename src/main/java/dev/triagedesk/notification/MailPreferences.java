package dev.triagedesk.notification;

import dev.triagedesk.staff.StaffUserRepository;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A staff member's choice of mail (their Account page). */
@Service
public class MailPreferences {

    /** Enough to refuse what is surely no address; the SMTP server has the last word. */
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>\"]{1,64}@[^\\s@<>\"]+\\.[^\\s@<>\"]+");

    private final StaffMailPreferenceRepository preferences;
    private final StaffUserRepository users;

    MailPreferences(StaffMailPreferenceRepository preferences, StaffUserRepository users) {
        this.preferences = preferences;
        this.users = users;
    }

    /** The choice of the staff member signed in under {@code username}; an empty one until they made it. */
    @Transactional(readOnly = true)
    public StaffMailPreference of(String username) {
        long id = users.findByUsernameIgnoreCase(username).orElseThrow().getId();
        return preferences.findById(id).orElseGet(() -> new StaffMailPreference(id));
    }

    /** @throws IllegalArgumentException the address is not one, or a mail is chosen without an address */
    @Transactional
    public void choose(String username, String email, boolean newTicket, boolean reporterReply,
                       boolean incidentOpened) {
        String address = email == null ? "" : email.strip();
        if (!address.isEmpty() && (address.length() > 320 || !ADDRESS.matcher(address).matches())) {
            throw new IllegalArgumentException("not an e-mail address");
        }
        if (address.isEmpty() && (newTicket || reporterReply || incidentOpened)) {
            throw new IllegalArgumentException("an address is needed");
        }
        long id = users.findByUsernameIgnoreCase(username).orElseThrow().getId();
        StaffMailPreference p = preferences.findById(id).orElseGet(() -> new StaffMailPreference(id));
        p.set(address, newTicket, reporterReply, incidentOpened);
        preferences.save(p);
    }
}
