package dev.triagedesk.evidence.triage;

import dev.triagedesk.evidence.Category;
import dev.triagedesk.evidence.ErrorDetail;
import dev.triagedesk.evidence.SignalType;
import dev.triagedesk.evidence.TriagePath;
import dev.triagedesk.evidence.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The triage matrix (support playbook, section 1) as rules: each failure, stream error and signal adds weight
 * to one path; the heaviest path wins, and its reasons say what pointed there. "Only one branch usually
 * matters": a strong signal keeps the verdict in its branch, ties go to the cheaper-to-check path first.
 */
public final class TriageRules {

    /** Tie-break order: network and browser causes are cheap to check and explain most failures together. */
    private static final List<TriagePath> PRIORITY = List.of(TriagePath.OUTAGE, TriagePath.NETWORK_POLICY,
            TriagePath.BROWSER_STATE, TriagePath.API_QUOTA, TriagePath.API_RATE_LIMIT, TriagePath.API_ACCESS,
            TriagePath.API_REQUEST, TriagePath.API_SERVER, TriagePath.WEB_ONLY);

    private TriageRules() {
    }

    /** Weighs one failing request. {@code where} is its entry index (HAR) or line (console). */
    public static void failure(EvidenceTally tally, String url, int status, String netError, ErrorDetail error,
                               Category category, String place, Integer where) {
        Hosts.Role role = Hosts.role(url);
        String host = Hosts.host(url);
        String what = describe(status, netError, error) + (host.isEmpty() ? "" : " from " + host);
        String code = error == null || error.code() == null ? "" : error.code().toLowerCase(Locale.ROOT);
        if (role == Hosts.Role.TELEMETRY) {
            tally.unplaced(what + " (analytics or feature-flag host: usually harmless)", place, where);
            return; // analytics and feature-flag failures are cosmetic; their signals are weighed separately
        }
        if (role == Hosts.Role.API) {
            switch (category) {
                case SLOW_OR_CHECK_QUOTA -> {
                    boolean quota = code.contains("quota") || code.contains("billing") || code.contains("usage");
                    tally.observe(quota ? TriagePath.API_QUOTA : TriagePath.API_RATE_LIMIT, quota ? 6 : 4,
                            what, place, where);
                }
                case RETRY_LATER -> tally.observe(TriagePath.API_SERVER, 3, what, place, where);
                case FIX_ACCESS -> tally.observe(TriagePath.API_ACCESS, 4, what, place, where);
                case FIX_REQUEST, CHECK_RESOURCE -> tally.observe(TriagePath.API_REQUEST, 4, what, place, where);
                case NETWORK -> tally.observe(TriagePath.NETWORK_POLICY, 3, what, place, where);
                case BROWSER -> tally.observe(TriagePath.BROWSER_STATE, 1, what, place, where);
                default -> tally.unplaced(what, place, where);
            }
            return;
        }
        int scale = role == Hosts.Role.APP ? 2 : 1;
        if (status <= 0 && netError == null) {
            // no response and no reason recorded: aborted, blocked or never sent; weak evidence of anything
            if (role == Hosts.Role.APP) {
                tally.observe(TriagePath.NETWORK_POLICY, 1, what, place, where);
            } else {
                tally.unplaced(what + " (no response recorded: aborted, blocked or never sent)", place, where);
            }
            return;
        }
        switch (category) {
            case RETRY_LATER -> tally.observe(TriagePath.OUTAGE, 2 * scale, what, place, where);
            case NETWORK -> tally.observe(TriagePath.NETWORK_POLICY, 2 * scale, what, place, where);
            case BROWSER -> {
                if (netError == null || !netError.contains("ERR_ABORTED")) {
                    tally.observe(TriagePath.BROWSER_STATE, scale, what, place, where);
                } else {
                    tally.unplaced(what + " (cancelled by the page: usually harmless)", place, where);
                }
            }
            case FIX_ACCESS, SLOW_OR_CHECK_QUOTA -> {
                if (role == Hosts.Role.APP) {
                    tally.observe(TriagePath.WEB_ONLY, 2, what, place, where);
                } else {
                    tally.unplaced(what + " (" + category.label().toLowerCase(Locale.ROOT) + ")", place, where);
                }
            }
            default -> tally.unplaced(what + " (" + category.label().toLowerCase(Locale.ROOT) + ")", place, where);
        }
    }

    /** Weighs a 2xx stream that failed midway. */
    public static void streamError(EvidenceTally tally, String url, String code, String place, Integer where) {
        Hosts.Role role = Hosts.role(url);
        String what = "error event inside a 200 stream" + (code == null ? "" : " (" + code + ")") + " from "
                + Hosts.host(url);
        String c = code == null ? "" : code.toLowerCase(Locale.ROOT);
        if (c.contains("rate_limit")) {
            tally.observe(role == Hosts.Role.API ? TriagePath.API_RATE_LIMIT : TriagePath.WEB_ONLY, 3, what, place, where);
        } else if (c.contains("quota")) {
            tally.observe(role == Hosts.Role.API ? TriagePath.API_QUOTA : TriagePath.WEB_ONLY, 4, what, place, where);
        } else if (role == Hosts.Role.API) {
            tally.observe(TriagePath.API_SERVER, 3, what, place, where);
        } else if (role == Hosts.Role.APP) {
            tally.observe(TriagePath.OUTAGE, 3, what, place, where);
        }
    }

    /** Weighs a signal. {@code url} may be null (a console line without a URL). */
    public static void signal(EvidenceTally tally, SignalType type, String url, String detail, String place,
                              Integer where) {
        Hosts.Role role = url == null ? Hosts.Role.OTHER : Hosts.role(url);
        String host = url == null ? "" : Hosts.host(url);
        String on = host.isEmpty() ? "" : " on " + host;
        switch (type) {
            case TLS_INTERCEPTION -> tally.observe(TriagePath.NETWORK_POLICY, 5, type.label() + on
                    + (detail == null ? "" : ": " + detail), place, where);
            case PROXY_FAILURE -> tally.observe(TriagePath.NETWORK_POLICY, 5, type.label() + on, place, where);
            case DNS_FAILURE, CONNECTION_FAILURE -> {
                if (role == Hosts.Role.APP || role == Hosts.Role.API) {
                    tally.observe(TriagePath.NETWORK_POLICY, type == SignalType.DNS_FAILURE ? 4 : 2,
                            type.label() + on, place, where);
                }
            }
            case BLOCKED_BY_POLICY -> tally.observe(TriagePath.NETWORK_POLICY, 2, type.label() + on, place, where);
            case OFFLINE -> tally.observe(TriagePath.NETWORK_POLICY, 2, type.label(), place, where);
            case UNUSUAL_ACTIVITY -> tally.observe(TriagePath.NETWORK_POLICY, 4, type.label() + on, place, where);
            case CLOUDFLARE_CHALLENGE -> tally.observe(TriagePath.BROWSER_STATE, 5, type.label() + on, place, where);
            case CLOUDFLARE_BLOCK -> tally.observe(TriagePath.NETWORK_POLICY, 4, type.label() + on, place, where);
            case BLOCKED_BY_CLIENT -> {
                if (role == Hosts.Role.APP || role == Hosts.Role.API) {
                    tally.observe(TriagePath.BROWSER_STATE, 4, type.label() + on, place, where);
                }
            }
            case SESSION_EXPIRED -> tally.observe(role == Hosts.Role.API ? TriagePath.API_ACCESS
                    : TriagePath.BROWSER_STATE, 4, type.label() + on, place, where);
            case CORS_BLOCKED, MIXED_CONTENT -> tally.observe(TriagePath.BROWSER_STATE, 1, type.label() + on,
                    place, where);
            case CLOUDFLARE_ORIGIN_ERROR -> tally.observe(TriagePath.OUTAGE, 4, type.label() + on, place, where);
            case QUOTA_EXHAUSTED -> tally.observe(role == Hosts.Role.API ? TriagePath.API_QUOTA : TriagePath.WEB_ONLY,
                    3, type.label() + on, place, where);
            case RATE_LIMIT_EXHAUSTED -> tally.observe(TriagePath.API_RATE_LIMIT, 2, type.label() + on, place, where);
            case REGION_UNSUPPORTED -> tally.observe(role == Hosts.Role.API ? TriagePath.API_ACCESS
                    : TriagePath.NETWORK_POLICY, 4, type.label() + on, place, where);
            case SDK_RETRIES -> { } // context for support, not a cause
            default -> { }
        }
    }

    /** The path the tally points to, with its reasons strongest first. */
    public static Verdict decide(EvidenceTally tally) {
        if (tally.isEmpty()) {
            return Verdict.unknown("No failing requests or signals found in the evidence.");
        }
        Map<TriagePath, Integer> scores = tally.scores();
        TriagePath best = TriagePath.UNKNOWN;
        int bestScore = 0;
        for (TriagePath p : PRIORITY) {
            int s = scores.getOrDefault(p, 0);
            if (s > bestScore) {
                best = p;
                bestScore = s;
            }
        }
        if (best == TriagePath.UNKNOWN) {
            List<String> seen = tally.reasons(TriagePath.UNKNOWN);
            List<String> reasons = new ArrayList<>();
            reasons.add("The failures found do not point to one branch of the triage matrix: they read as problems"
                    + " of the request or the site itself, not of the service, the network or the browser.");
            seen.stream().limit(6).forEach(r -> reasons.add("Seen: " + r));
            return new Verdict(TriagePath.UNKNOWN, List.copyOf(reasons));
        }
        List<String> all = tally.reasons(best);
        List<String> reasons = new ArrayList<>(all.subList(0, Math.min(8, all.size())));
        tally.groupsOutside(best).stream().filter(g -> g.path != TriagePath.UNKNOWN).limit(3)
                .forEach(g -> reasons.add("Also seen (" + g.path.id() + "): " + g.reason()));
        return new Verdict(best, List.copyOf(reasons));
    }

    private static String describe(int status, String netError, ErrorDetail error) {
        StringBuilder sb = new StringBuilder();
        if (status > 0) {
            sb.append("HTTP ").append(status);
        } else if (netError != null) {
            String known = NetErrors.find(netError);
            sb.append(known != null ? known
                    : "no response (" + (netError.length() > 60 ? netError.substring(0, 59) + "…" : netError) + ")");
        } else {
            sb.append("no response");
        }
        if (error != null && error.code() != null) {
            sb.append(' ').append(error.code());
        }
        return sb.toString();
    }
}
