package dev.triagedesk.summary;

import dev.triagedesk.evidence.ErrorDetail;
import dev.triagedesk.evidence.TriagePath;
import dev.triagedesk.evidence.Verdict;
import dev.triagedesk.evidence.triage.EvidenceTally;
import dev.triagedesk.evidence.triage.Hosts;
import dev.triagedesk.evidence.triage.TriageRules;
import dev.triagedesk.statuspage.OfficialIncidents;
import dev.triagedesk.ticket.CheckResult;
import dev.triagedesk.ticket.ConsoleFinding;
import dev.triagedesk.ticket.Evidence;
import dev.triagedesk.ticket.EvidenceKind;
import dev.triagedesk.ticket.FailingRequest;
import dev.triagedesk.ticket.FindingSignal;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.StatusPageAnswer;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketDetails;
import dev.triagedesk.ticket.WebChecks;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The verdict of a report: the reporter's answers and the evidence of every attachment, weighed as the triage
 * matrix (support playbook, section 1) says.
 * <ul>
 * <li>A clean isolation result decides the branch: it works in a private window, after clearing the site's data,
 * with extensions off or in another browser (browser state); on another network or with the VPN off (network
 * policy); in the app but not on the web (web-only). Failures in a capture fit several branches (a broken session
 * also yields 500s): they refine the branch, never overturn it.</li>
 * <li>Without one, the evidence and the answers are weighed together; the outage branch then needs a signal of
 * the product itself: an incident for this component on the status page, or failures on its own hosts. An incident
 * of another product is context, never the outage by itself.</li>
 * <li>Answers and evidence that disagree with the verdict are said in its reasons, and the next step takes in what
 * is already known (no "try another network" when it works on one, no "retry with backoff" when that did not
 * help).</li>
 * </ul>
 * The API path is {@link ApiVerdict}.
 */
public final class ReportVerdict {

    static final String OTHER_PRODUCT = "The status page shows an incident only for another product: background"
            + " context, not an explanation of this failure.";
    private static final String ALLOWLIST = "chatgpt.com, chat.openai.com, openai.com, oaistatic.com,"
            + " oaiusercontent.com and challenges.cloudflare.com";

    /**
     * A HAR of the report: its name, its requests, and how many of them went to the product's own hosts (null when
     * not known: taken before that was counted).
     */
    record Capture(String fileName, long requests, Long productRequests) {

        /** It holds requests, none to ChatGPT or the API: a capture of another site. */
        boolean showsAnotherSite() {
            return requests > 0 && productRequests != null && productRequests == 0;
        }
    }

    /** One isolation check of the checklist, as the reasons say it ("It works " + {@code where}). */
    private enum Check {
        PRIVATE_WINDOW(WebChecks::getPrivateWindow, "in a private window", "a private window"),
        CLEARED_SITE_DATA(WebChecks::getClearedSiteData, "after clearing the site's data", "clearing the site's data"),
        EXTENSIONS_OFF(WebChecks::getExtensionsOff, "with extensions off", "turning extensions off"),
        OTHER_BROWSER(WebChecks::getOtherBrowser, "in another browser", "another browser"),
        OTHER_DEVICE(WebChecks::getOtherDevice, "on another device", "another device"),
        OTHER_NETWORK(WebChecks::getOtherNetwork, "on another network (hotspot)", "another network (a phone hotspot)"),
        VPN_OFF(WebChecks::getVpnOff, "with the VPN off", "turning the VPN off"),
        APP_VS_WEB(WebChecks::getAppVsWeb, "in the app and fails on the web, or the other way round",
                "the app instead of the web");

        final Function<WebChecks, CheckResult> result;
        final String where;
        final String step;

        Check(Function<WebChecks, CheckResult> result, String where, String step) {
            this.result = result;
            this.where = where;
            this.step = step;
        }

        CheckResult in(WebChecks c) {
            CheckResult r = result.apply(c);
            return r == null ? CheckResult.NOT_TRIED : r;
        }
    }

    /** Clean contexts that decide the browser branch: the same device and network, only the browser's state differs. */
    private static final List<Check> BROWSER = List.of(Check.PRIVATE_WINDOW, Check.CLEARED_SITE_DATA,
            Check.EXTENSIONS_OFF, Check.OTHER_BROWSER);
    private static final List<Check> NETWORK = List.of(Check.OTHER_NETWORK, Check.VPN_OFF);

    private ReportVerdict() {
    }

    public static Verdict decide(TicketDetails d) {
        return decide(d, null);
    }

    /**
     * As {@link #decide(TicketDetails)}, with the vendor's official incident for the product's component that covered
     * the failure time (null: none, or no status page set): the same kind of fact as the reporter's answer that the
     * status page shows an incident for this component.
     */
    public static Verdict decide(TicketDetails d, OfficialIncidents.Coverage official) {
        List<Capture> captures = new ArrayList<>();
        for (Evidence e : d.analyzed()) {
            if (e.getKind() == EvidenceKind.HAR) {
                captures.add(new Capture(e.getFileName(), e.getEntryCount(), e.getProductRequests()));
            }
        }
        return decide(d.ticket(), tally(d), captures, official, ApiCalls.facts(d));
    }

    /** What every attachment's findings weigh, each finding once. */
    static EvidenceTally tally(TicketDetails d) {
        EvidenceTally tally = new EvidenceTally();
        // the calls an SDK log, a transcript or a Batch file records are weighed per call, with their attempts
        ApiCalls.weigh(d, tally);
        for (FailingRequest f : d.failures()) {
            if (ApiCalls.isClientLog(f.getEvidence())) {
                continue;
            }
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
            if (ApiCalls.isClientLog(s.getEvidence())) {
                ApiCalls.weighSignal(tally, s);
                continue;
            }
            boolean line = s.getLineNumber() != null;
            TriageRules.signal(tally, s.getType(), s.getUrl(), s.getDetail(),
                    s.getEvidence().getFileName() + (line ? " line" : " entry"), line ? s.getLineNumber() : s.getEntryIndex());
        }
        return tally;
    }

    /** The verdict of a ticket's answers, the evidence's tally and its HARs. */
    static Verdict decide(Ticket t, EvidenceTally evidence, List<Capture> captures) {
        return decide(t, evidence, captures, null);
    }

    static Verdict decide(Ticket t, EvidenceTally evidence, List<Capture> captures, OfficialIncidents.Coverage official) {
        return decide(t, evidence, captures, official, ApiCalls.Facts.NONE);
    }

    static Verdict decide(Ticket t, EvidenceTally evidence, List<Capture> captures, OfficialIncidents.Coverage official,
                          ApiCalls.Facts apiFacts) {
        boolean api = t.getProduct() != null && t.getProduct().isApi();
        Verdict v = api ? ApiVerdict.decide(t, evidence, official, apiFacts) : web(t, evidence, official);
        return withCaptures(v, captures, api);
    }

    // ---- the web and app path ----

    /**
     * Adds the outage fact of a status page incident for this component: the official one when there is one (it
     * weighs as the reporter's answer, once), else the reporter's answer. Returns whether there was either.
     */
    static boolean statusPageIncident(Ticket t, OfficialIncidents.Coverage official, EvidenceTally answers) {
        if (official != null) {
            answers.add(TriagePath.OUTAGE, 12, "The vendor's status page had an incident for " + official.component()
                    + " at the failure time: \"" + official.incident().name() + "\" (" + official.incident().impact()
                    + ", " + official.incident().status() + ").");
            return true;
        }
        if (t.getStatusPage() == StatusPageAnswer.INCIDENT_THIS_COMPONENT) {
            answers.add(TriagePath.OUTAGE, 12, "The status page shows an incident for this component.");
            return true;
        }
        return false;
    }

    private static Verdict web(Ticket t, EvidenceTally evidence, OfficialIncidents.Coverage official) {
        WebChecks c = t.getChecks();
        List<Check> browser = worked(c, BROWSER);
        List<Check> network = worked(c, NETWORK);
        List<Check> appOrWeb = worked(c, List.of(Check.APP_VS_WEB));
        if (!browser.isEmpty()) {
            return isolated(t, evidence, TriagePath.BROWSER_STATE, browser, network, appOrWeb);
        }
        if (!network.isEmpty()) {
            return isolated(t, evidence, TriagePath.NETWORK_POLICY, network, List.of(), appOrWeb);
        }
        if (!appOrWeb.isEmpty()) {
            // a native app that fails where the web works, with a network or certificate error: TLS inspection
            TriagePath path = nativeApp(t) && networkConfigurationMessage(t) ? TriagePath.NETWORK_POLICY : TriagePath.WEB_ONLY;
            return isolated(t, evidence, path, appOrWeb, List.of(), List.of());
        }
        return weighed(t, evidence, official);
    }

    /** A clean isolation result decided the branch; the rest refines it or is said beside it. */
    private static Verdict isolated(Ticket t, EvidenceTally evidence, TriagePath path, List<Check> deciding,
                                    List<Check> network, List<Check> appOrWeb) {
        WebChecks c = t.getChecks();
        List<String> reasons = new ArrayList<>();
        for (Check check : deciding) {
            reasons.add("It works " + where(t, check) + ".");
        }
        if (path == TriagePath.NETWORK_POLICY && deciding.contains(Check.APP_VS_WEB)) {
            reasons.add("The app shows a network or certificate error (\"" + t.getSeenMessage() + "\"): on a native app"
                    + " that points at TLS inspection, which the browser may be set up to trust.");
        }
        if (c.getOtherDevice() == CheckResult.WORKS && path != TriagePath.WEB_ONLY) {
            reasons.add("It also works on another device.");
        }
        evidence.reasons(path).stream().limit(5).forEach(reasons::add);
        if (!network.isEmpty()) {
            reasons.add("It also works " + joined(t, network) + ", but a clean browser context works on the failing"
                    + " network too: the network lets the service through, and this browser's state is what fails.");
        }
        if (!appOrWeb.isEmpty()) {
            reasons.add("It also works " + where(t, Check.APP_VS_WEB) + (path == TriagePath.BROWSER_STATE
                    ? ": the account and the service are fine, and a clean browser context already works."
                    : ": the network may filter only the web app's hosts (oaistatic.com, challenges.cloudflare.com)."));
        }
        int outage = evidence.scores().getOrDefault(TriagePath.OUTAGE, 0);
        if (outage > 0 && path != TriagePath.OUTAGE) {
            List<String> seen = evidence.reasons(TriagePath.OUTAGE);
            reasons.add("The failures on the service's own hosts fit this branch too: "
                    + String.join("; ", seen.subList(0, Math.min(2, seen.size()))) + ". " + sameFailures(path)
                    + "; they refine this branch and do not overturn a clean isolation result.");
        }
        evidence.alsoSeen(path, 4).stream().filter(r -> !r.startsWith("Also seen (" + TriagePath.OUTAGE.id() + ")"))
                .limit(3).forEach(reasons::add);
        StatusPageAnswer page = t.getStatusPage();
        if (page == StatusPageAnswer.INCIDENT_THIS_COMPONENT) {
            reasons.add("The status page shows an incident for this component, yet it works " + where(t, deciding.get(0))
                    + ": the incident is not what stops this reporter now; should that start failing too, follow the"
                    + " incident.");
        } else if (page == StatusPageAnswer.INCIDENT_OTHER_PRODUCT) {
            reasons.add(OTHER_PRODUCT);
        }
        return new Verdict(path, reasons, settled(t, path, deciding));
    }

    /** What the same failures mean on this branch. */
    private static String sameFailures(TriagePath path) {
        return switch (path) {
            case BROWSER_STATE -> "A broken session, stale site data or an extension also makes the service's requests fail";
            case NETWORK_POLICY -> "A filtering proxy or TLS inspection also answers with errors or breaks requests";
            case WEB_ONLY -> "The web session failing also makes the service's requests fail";
            default -> "They are consistent with more than one branch";
        };
    }

    /** The next step once a clean isolation result has settled the branch: its stop condition is met. */
    private static String settled(Ticket t, TriagePath path, List<Check> deciding) {
        WebChecks c = t.getChecks();
        if (path == TriagePath.BROWSER_STATE) {
            if (deciding.contains(Check.EXTENSIONS_OFF)) {
                return "A clean browser context works, so the service is up and an extension breaks it: turn the"
                        + " extensions back on one at a time (ad blockers, privacy filters, password managers, security"
                        + " tools first) to find which, then allow the site in it or remove it.";
            }
            if (deciding.contains(Check.CLEARED_SITE_DATA)) {
                return "Clearing the site's data fixed it, so the service is up and the stored session or site data was"
                        + " broken. If it comes back: sign out, clear the site's data again, sign in.";
            }
            return "A clean browser context works, so the service is up and this browser's state is the cause: in the"
                    + " usual profile clear the site's cookies and data, then turn extensions off and back on one at a"
                    + " time to find the one that breaks it.";
        }
        if (path == TriagePath.NETWORK_POLICY && deciding.contains(Check.APP_VS_WEB)) {
            return "Ask IT to exempt " + ALLOWLIST + " from TLS inspection, or try the app on another network (a phone"
                    + " hotspot); the web works meanwhile.";
        }
        if (path == TriagePath.NETWORK_POLICY) {
            boolean hotspot = deciding.contains(Check.OTHER_NETWORK);
            return (hotspot ? "It works on an unfiltered network, so the failing network filters the service"
                    : "It works with the VPN off, so the VPN's exit or its filtering blocks the service")
                    + ": ask IT to allowlist " + ALLOWLIST + " and to exempt them from TLS inspection; until then use "
                    + (hotspot ? "the other network" : "another VPN exit or none") + ".";
        }
        if (path == TriagePath.WEB_ONLY) {
            if (nativeApp(t)) {
                return "The web works, so the account and the service are fine: update the app, sign out and in,"
                        + " and reinstall it only if that fails; keep the web as the control test.";
            }
            List<Check> left = untried(c, List.of(Check.PRIVATE_WINDOW, Check.CLEARED_SITE_DATA, Check.EXTENSIONS_OFF));
            return "The app works, so the account and the service are fine: keep API troubleshooting separate and"
                    + " isolate the browser session: sign out and in" + (left.isEmpty() ? "" : ", then try " + steps(left))
                    + ".";
        }
        return path.nextStep();
    }

    /** No clean isolation result: the evidence and the answers are weighed together. */
    private static Verdict weighed(Ticket t, EvidenceTally evidence, OfficialIncidents.Coverage official) {
        WebChecks c = t.getChecks();
        EvidenceTally answers = new EvidenceTally();
        StatusPageAnswer page = t.getStatusPage();
        boolean incident = statusPageIncident(t, official, answers);
        String message = lower(t.getSeenMessage());
        if (message.contains("unusual activity")) {
            answers.add(TriagePath.NETWORK_POLICY, 3, "The message mentions unusual activity (VPN or IP reputation).");
        }
        if (nativeApp(t) && networkConfigurationMessage(t)) {
            answers.add(TriagePath.NETWORK_POLICY, 4, "The app shows a network or certificate error: on a native app"
                    + " that points at TLS inspection.");
        }
        if (c.getOtherDevice() == CheckResult.WORKS) {
            answers.add(TriagePath.BROWSER_STATE, 3, "It works on another device: only this device fails, so its"
                    + " browser (or its network) is the likelier cause.");
        }
        int stillFails = 0;
        for (CheckResult r : c.asMap().values()) {
            if (r == CheckResult.STILL_FAILS) {
                stillFails++;
            }
        }
        boolean nowhere = c.getOtherNetwork() == CheckResult.STILL_FAILS && (c.getPrivateWindow() == CheckResult.STILL_FAILS
                || c.getOtherBrowser() == CheckResult.STILL_FAILS) && stillFails >= 3;
        Integer seen = t.getSeenStatus();
        // the outage branch needs the product itself: an incident for this component, or failures on its hosts
        boolean product = incident || evidence.scores().getOrDefault(TriagePath.OUTAGE, 0) > 0;
        if (product && nowhere) {
            answers.add(TriagePath.OUTAGE, 4, "It still fails in " + stillFails + " isolation checks, another network"
                    + " included: the cause is unlikely to be on the reporter's side.");
        }
        EvidenceTally supporting = new EvidenceTally(); // said after the evidence it supports
        if (product && seen != null && seen >= 500) {
            supporting.add(TriagePath.OUTAGE, 1, "The reporter sees HTTP " + seen + ".");
        }
        Map<TriagePath, Integer> scores = sum(evidence, answers);
        supporting.scores().forEach((p, w) -> scores.merge(p, w, Integer::sum));
        TriagePath best = TriageRules.best(scores);
        List<String> reasons = new ArrayList<>();
        if (best == TriagePath.UNKNOWN) {
            if (evidence.isEmpty() && answers.isEmpty() && !nowhere) {
                reasons.add("No failing requests or signals found in the evidence, and no isolation check that works.");
            } else if (!evidence.reasons(TriagePath.UNKNOWN).isEmpty()) {
                reasons.add(TriageRules.UNPLACED);
                evidence.reasons(TriagePath.UNKNOWN).stream().limit(6).forEach(r -> reasons.add("Seen: " + r));
            }
            if (nowhere || seen != null && seen >= 500) {
                reasons.add((nowhere ? "It still fails in " + stillFails + " isolation checks, another network included:"
                        + " the cause is unlikely to be on the reporter's side, but n" : "N") + "othing yet ties it to the"
                        + " service: no incident for this component on the status page, and no failure on its own"
                        + " hosts in the evidence.");
            }
        } else {
            List<String> all = new ArrayList<>(answers.reasons(best));
            all.addAll(evidence.reasons(best));
            all.addAll(supporting.reasons(best));
            reasons.addAll(all.subList(0, Math.min(8, all.size())));
            reasons.addAll(evidence.alsoSeen(best, 3));
        }
        if (best == TriagePath.OUTAGE) {
            if (page == StatusPageAnswer.NO_INCIDENT) {
                reasons.add("The reporter found no incident on the status page, which disagrees: its figures are"
                        + " aggregates across tiers and routes, so a clean page does not rule out a problem on this"
                        + " route, but confirm it before waiting.");
            } else if (page == null || page == StatusPageAnswer.NOT_CHECKED) {
                reasons.add("The status page was not checked: confirm an incident for this component there.");
            }
            if (c.getOtherDevice() == CheckResult.WORKS) {
                reasons.add("It works on another device, which does not fit a service outage: compare a private window"
                        + " and another network on this device.");
            }
        } else if (incident) {
            reasons.add("The status page shows an incident for this component, yet the evidence weighs more for this"
                    + " branch: check it first; if it fixes nothing, follow the incident.");
        }
        if (page == StatusPageAnswer.INCIDENT_OTHER_PRODUCT) {
            reasons.add(OTHER_PRODUCT);
        }
        return new Verdict(best, reasons, nextStep(t, best, incident));
    }

    /** The next step of a weighed verdict, without the checks the reporter already tried. */
    private static String nextStep(Ticket t, TriagePath path, boolean incident) {
        WebChecks c = t.getChecks();
        switch (path) {
            case OUTAGE -> {
                if (incident) {
                    return "Wait 10-30 minutes and retry on a fresh page load: it should recover without any cleanup"
                            + " on the reporter's side. Follow the incident on the status page until it is resolved.";
                }
                List<Check> left = untried(c, List.of(Check.PRIVATE_WINDOW, Check.OTHER_NETWORK));
                return "Confirm an incident for this component on the status page" + (left.isEmpty() ? ""
                        : ", and rule out the reporter's side with " + steps(left)) + "; then wait 10-30 minutes and"
                        + " retry on a fresh page load.";
            }
            case BROWSER_STATE -> {
                List<Check> left = untried(c, BROWSER);
                return left.isEmpty() ? "Every clean-browser check still fails: the browser's state is unlikely the"
                        + " cause. Try another network (a phone hotspot) with the VPN off, and check the status page."
                        : "Try " + steps(left) + "; if a clean context works, the browser's state is the cause.";
            }
            case NETWORK_POLICY -> {
                List<Check> left = untried(c, NETWORK);
                return left.isEmpty() ? "It still fails on another network and without the VPN: ask IT whether"
                        + " security software or a company profile on the device itself filters or inspects TLS, and"
                        + " compare another device."
                        : "Try " + steps(left) + "; if that works, ask IT to allowlist " + ALLOWLIST + ".";
            }
            case UNKNOWN -> {
                List<Check> left = untried(c, List.of(Check.PRIVATE_WINDOW, Check.OTHER_NETWORK, Check.APP_VS_WEB));
                String capture = "a HAR and a console log captured on the failing page while reproducing, and check"
                        + " the status page for an incident of this component.";
                return left.isEmpty() ? "Attach " + capture : "Try " + steps(left) + "; attach " + capture;
            }
            default -> {
                return path.nextStep();
            }
        }
    }

    // ---- captures of another site ----

    /**
     * HARs that hold no request to the product's hosts are said plainly, with a request for a capture of the
     * failing page when no other HAR shows it.
     */
    private static Verdict withCaptures(Verdict v, List<Capture> captures, boolean api) {
        List<Capture> foreign = captures.stream().filter(Capture::showsAnotherSite).toList();
        if (foreign.isEmpty()) {
            return v;
        }
        String said;
        if (foreign.size() == 1) {
            Capture one = foreign.get(0);
            said = (one.requests() == 1 ? "The only request in " + one.fileName() + " did not go"
                    : "None of the " + one.requests() + " requests in " + one.fileName() + " went")
                    + " to ChatGPT or the OpenAI API (" + Hosts.PRODUCT_HOST_NAMES + "): it shows another site, so its"
                    + " failures say nothing about this one.";
        } else {
            said = String.join(", ", foreign.stream().limit(3).map(Capture::fileName).toList())
                    + (foreign.size() > 3 ? " and " + (foreign.size() - 3) + " more" : "")
                    + " hold no request to ChatGPT or the OpenAI API (" + Hosts.PRODUCT_HOST_NAMES + "): they show"
                    + " other sites, so their failures say nothing about this one.";
        }
        List<String> reasons = new ArrayList<>(v.reasons());
        reasons.add(v.path() == TriagePath.UNKNOWN || reasons.isEmpty() ? 0 : 1, said);
        String next = v.nextStep();
        if (foreign.size() == captures.size()) {
            String capture = api ? "a HAR of the failing calls to api.openai.com if a browser made them, or the client's"
                    + " log of them" : "a HAR captured on the failing page itself (DevTools > Network, reproduce, Export"
                    + " HAR) and its console log";
            next = v.path() == TriagePath.UNKNOWN
                    ? "The capture attached shows another site: attach " + capture + "."
                    : next + " Also attach " + capture + ": the capture attached shows another site.";
        }
        return new Verdict(v.path(), reasons, next);
    }

    // ---- helpers ----

    private static List<Check> worked(WebChecks c, List<Check> checks) {
        return checks.stream().filter(k -> k.in(c) == CheckResult.WORKS).toList();
    }

    private static List<Check> untried(WebChecks c, List<Check> checks) {
        return checks.stream().filter(k -> !k.in(c).tried()).toList();
    }

    /** "a private window, another network (a phone hotspot) and the app instead of the web". */
    private static String steps(List<Check> checks) {
        List<String> s = checks.stream().map(k -> k.step).toList();
        return s.size() == 1 ? s.get(0)
                : String.join(", ", s.subList(0, s.size() - 1)) + " and " + s.get(s.size() - 1);
    }

    private static String joined(Ticket t, List<Check> checks) {
        List<String> s = checks.stream().map(k -> where(t, k)).toList();
        return String.join(" and ", s);
    }

    /** Where it works, said for the product: the app-or-web check reads the other way round for a native app. */
    private static String where(Ticket t, Check check) {
        if (check != Check.APP_VS_WEB || t.getProduct() == null || t.getProduct() == Product.OTHER) {
            return check.where;
        }
        return nativeApp(t) ? "on the web, and only the app fails" : "in the app, and only the web fails";
    }

    private static boolean nativeApp(Ticket t) {
        return t.getProduct() == Product.DESKTOP_APP || t.getProduct() == Product.MOBILE_APP;
    }

    /** A desktop or mobile app's "Network configuration issue", or a certificate error. */
    private static boolean networkConfigurationMessage(Ticket t) {
        String m = lower(t.getSeenMessage());
        return m.contains("network configuration") || m.contains("ssl") || m.contains("certificate");
    }

    static Map<TriagePath, Integer> sum(EvidenceTally evidence, EvidenceTally answers) {
        Map<TriagePath, Integer> scores = new EnumMap<>(TriagePath.class);
        evidence.scores().forEach((p, w) -> scores.merge(p, w, Integer::sum));
        answers.scores().forEach((p, w) -> scores.merge(p, w, Integer::sum));
        return scores;
    }

    static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
