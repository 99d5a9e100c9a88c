package dev.triagedesk.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What a staff member wants to hear about by e-mail, and the address; none of it until they choose. */
@Entity
@Table(name = "staff_mail_preference")
public class StaffMailPreference {

    @Id
    @Column(name = "staff_id")
    private Long staffId;
    @Column(length = 320)
    private String email;
    @Column(name = "new_ticket", nullable = false)
    private boolean newTicket;
    @Column(name = "reporter_reply", nullable = false)
    private boolean reporterReply;
    @Column(name = "incident_opened", nullable = false)
    private boolean incidentOpened;

    protected StaffMailPreference() {
    }

    StaffMailPreference(Long staffId) {
        this.staffId = staffId;
    }

    void set(String email, boolean newTicket, boolean reporterReply, boolean incidentOpened) {
        this.email = email == null || email.isBlank() ? null : email.strip();
        this.newTicket = newTicket;
        this.reporterReply = reporterReply;
        this.incidentOpened = incidentOpened;
    }

    public Long getStaffId() {
        return staffId;
    }

    public String getEmail() {
        return email;
    }

    public boolean isNewTicket() {
        return newTicket;
    }

    public boolean isReporterReply() {
        return reporterReply;
    }

    public boolean isIncidentOpened() {
        return incidentOpened;
    }
}
