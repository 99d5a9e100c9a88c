package dev.triagedesk.summary;

import dev.triagedesk.evidence.ErrorDetail;
import dev.triagedesk.evidence.TriagePath;
import dev.triagedesk.evidence.Verdict;
import dev.triagedesk.evidence.triage.EvidenceTally;
import dev.triagedesk.evidence.triage.TriageRules;
import dev.triagedesk.ticket.CheckResult;
import dev.triagedesk.ticket.ConsoleFinding;
import dev.triagedesk.ticket.FailingRequest;
import dev.triagedesk.ticket.FindingSignal;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.StatusPageAnswer;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketDetails;
import dev.triagedesk.ticket.WebChecks;
import java.util.Locale;

/**
 * The verdict of a report: the evidence of every attachment weighed together with the reporter's answers. A
 * status-page incident for this very component, or a clean isolation result (works in a private window, works
 * on a hotspot), outweighs most single observations, as in the playbook's "a strong signal in one branch means
 * staying in it".
 */
public final class ReportVerdict {

    private ReportVerdict() {
    }

    public static Verdict decide(TicketDetails d) {
        EvidenceTally tally = new EvidenceTally();
        for (FailingRequest f : d.failures()) {
            String place = f.getEvidence().getFileName() + " entry";
            if (f.isStreamError()) {
                TriageRules.streamError(tally, f.getUrl(), f.getErrorCode(), place, f.getEntryIndex());
            } else {
                ErrorDetail error = new ErrorDetail(f.getErrorType(), f.getErrorCode(), f.getErrorMessage(), f.getErrorParam());
                TriageRules.failure(tally, f.getUrl(), f.getStatus(), f.getNetError(), error.isEmpty() ? null : error,
                        f.getCategory(), place, f.getEntryIndex());
            }
        }
        for (ConsoleFinding c : d.consoleFindings()) {
            // a console line about a request the HAR recorded is the same finding: weigh it once
            if (c.getFailingRequest() == null && c.getCategory() != null && (c.getStatus() != null || c.getNetError() != null)) {
                TriageRules.failure(tally, c.getUrl() == null ? "" : c.getUrl(), c.getStatus() == null ? 0 : c.getStatus(),
                        c.getNetError(), null, c.getCategory(), c.getEvidence().getFileName() + " line", c.getLineNumber());
            }
        }
        for (FindingSignal s : d.signals()) {
            boolean line = s.getLineNumber() != null;
            TriageRules.signal(tally, s.getType(), s.getUrl(), s.getDetail(),
                    s.getEvidence().getFileName() + (line ? " line" : " entry"), line ? s.getLineNumber() : s.getEntryIndex());
        }
        answers(tally, d.ticket());
        return TriageRules.decide(tally);
    }

    static void answers(EvidenceTally tally, Ticket t) {
        if (t.getStatusPage() == StatusPageAnswer.INCIDENT_THIS_COMPONENT) {
            tally.add(TriagePath.OUTAGE, 12, "The status page shows an incident for this component.");
        }
        Product product = t.getProduct();
        Integer seen = t.getSeenStatus();
        if (product != null && product.isApi()) {
            if (seen != null) {
                if (seen == 429) {
                    tally.add(TriagePath.API_RATE_LIMIT, 2, "The reporter sees HTTP 429: a rate limit, or an exhausted"
                            + " quota (the error code tells which).");
                } else if (seen == 401 || seen == 403) {
                    tally.add(TriagePath.API_ACCESS, 3, "The reporter sees HTTP " + seen + ".");
                } else if (seen >= 500) {
                    tally.add(TriagePath.API_SERVER, 3, "The reporter sees HTTP " + seen + ".");
                } else if (seen >= 400) {
                    tally.add(TriagePath.API_REQUEST, 3, "The reporter sees HTTP " + seen + ".");
                }
            }
            if (Boolean.TRUE.equals(t.getApi().getRetriedWithBackoff()) && seen != null && seen >= 500) {
                tally.add(TriagePath.API_SERVER, 2, "Retries with exponential backoff did not help.");
            }
            return;
        }
        WebChecks c = t.getChecks();
        works(tally, c.getPrivateWindow(), TriagePath.BROWSER_STATE, 8, "It works in a private window");
        works(tally, c.getClearedSiteData(), TriagePath.BROWSER_STATE, 8, "It works after clearing the site's data");
        works(tally, c.getExtensionsOff(), TriagePath.BROWSER_STATE, 8, "It works with extensions off");
        works(tally, c.getOtherBrowser(), TriagePath.BROWSER_STATE, 5, "It works in another browser");
        works(tally, c.getOtherDevice(), TriagePath.BROWSER_STATE, 3, "It works on another device");
        works(tally, c.getOtherNetwork(), TriagePath.NETWORK_POLICY, 10, "It works on another network (hotspot)");
        works(tally, c.getVpnOff(), TriagePath.NETWORK_POLICY, 8, "It works with the VPN off");
        works(tally, c.getAppVsWeb(), TriagePath.WEB_ONLY, 6, "It works in the app and fails on the web, or the other way round");
        int stillFails = 0;
        for (CheckResult r : c.asMap().values()) {
            if (r == CheckResult.STILL_FAILS) {
                stillFails++;
            }
        }
        if (c.getOtherNetwork() == CheckResult.STILL_FAILS && (c.getPrivateWindow() == CheckResult.STILL_FAILS
                || c.getOtherBrowser() == CheckResult.STILL_FAILS) && stillFails >= 3) {
            tally.add(TriagePath.OUTAGE, 4, "It still fails in " + stillFails + " isolation checks, another network"
                    + " included: the cause is unlikely to be on the reporter's side.");
        }
        String message = t.getSeenMessage() == null ? "" : t.getSeenMessage().toLowerCase(Locale.ROOT);
        if (message.contains("unusual activity")) {
            tally.add(TriagePath.NETWORK_POLICY, 3, "The message mentions unusual activity (VPN or IP reputation).");
        }
        if (seen != null && seen >= 500) {
            tally.add(TriagePath.OUTAGE, 1, "The reporter sees HTTP " + seen + ".");
        }
    }

    private static void works(EvidenceTally tally, CheckResult r, TriagePath path, int weight, String what) {
        if (r == CheckResult.WORKS) {
            tally.add(path, weight, what + ".");
        }
    }
}
