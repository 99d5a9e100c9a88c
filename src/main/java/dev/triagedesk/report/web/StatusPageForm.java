package dev.triagedesk.report.web;

import dev.triagedesk.ticket.StatusPageAnswer;
import dev.triagedesk.ticket.Ticket;
import jakarta.validation.constraints.NotNull;

/**
 * Step 2, the status page. {@code adviceShown} is true once the reporter has seen the advice for an incident on
 * this component (the page shows it, or the browser revealed it when the answer was chosen): only then does
 * Continue go on.
 */
record StatusPageForm(@NotNull(message = "{status.statusPage.required}") StatusPageAnswer statusPage,
                      Boolean adviceShown) {

    static StatusPageForm of(Ticket t) {
        return new StatusPageForm(t.getStatusPage(), t.getStatusPage() == StatusPageAnswer.INCIDENT_THIS_COMPONENT);
    }

    public boolean incidentHere() {
        return statusPage == StatusPageAnswer.INCIDENT_THIS_COMPONENT;
    }

    boolean adviceSeen() {
        return Boolean.TRUE.equals(adviceShown);
    }

    void applyTo(Ticket t, FieldErrors errors) {
        errors.ifValid("statusPage", statusPage, v -> {
            if (v != null) {
                t.setStatusPage(v);
            }
        });
    }
}
