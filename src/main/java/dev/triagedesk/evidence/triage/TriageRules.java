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
 * The triage matrix (support playbook, section 1) as rules for what a capture or a log shows: each failure, stream
 * error and signal adds weight to one path; the heaviest path wins, and its reasons say what pointed there. "Only
 * one branch usually matters": a strong signal keeps the verdict in its branch, ties go to the cheaper-to-check
 * path first.
 *
 * <p>Hosts matter. Only a failure on the product's own hosts (chatgpt.com, its static and auth hosts) points to a
 * live service problem, and only one on the API's hosts to an API path; a server error of a third-party API, of
 * the reporter's own site or of an analytics host is seen and said, but weighs nothing. The reporter's answers are
 * weighed with these in {@code dev.triagedesk.summary.ReportVerdict}.
 */
public final class TriageRules {

    /** Tie-break order: network and browser causes are cheap to check and explain most failures together. */
    public static final List<TriagePath> PRIORITY = List.of(TriagePath.OUTAGE, TriagePath.NETWORK_POLICY,
            TriagePath.BROWSER_STATE, TriagePath.API_QUOTA, TriagePath.API_RATE_LIMIT, TriagePath.API_ACCESS,
            TriagePath.API_REQUEST, TriagePath.API_SERVER, TriagePath.WEB_ONLY);

    private static final String NOT_A_PRODUCT_HOST = "not a host of ChatGPT or the OpenAI API";
    private static final String NOT_THE_PRODUCT = NOT_A_PRODUCT_HOST + ", so not the vendor's outage";

    private TriageRules() {
    }

    /** Weighs one failing request. {@code where} is its entry index (HAR) or line (console). */
    public static void failure(EvidenceTally tally, String url, int status, String netError, ErrorDetail error,
                               Category category, String place, Integer where) {
        Hosts.Role role = Hosts.role(url);
        String host = Hosts.host(url);
        String what = describe(status, netError, error) + (host.isEmpty() ? "" : " from " + host);
        if (role == Hosts.Role.TELEMETRY) {
            tally.unplaced(what + " (analytics or feature-flag host: usually harmless)", place, where);
            return; // analytics and feature-flag failures are cosmetic; their signals are weighed separately
        }
        if (role == Hosts.Role.API) {
            api(tally, category, error, 1, what + (category == Category.SLOW_OR_CHECK_QUOTA
                    && !FailureClassifier.isQuota(error) && (error == null || error.code() == null)
                    ? " (no error code: a rate limit unless the usage page shows the quota spent)" : ""), place, where);
            return;
        }
        boolean app = role == Hosts.Role.APP;
        int scale = app ? 2 : 1;
        if (status <= 0 && netError == null) {
            // no response and no reason recorded: aborted, blocked or never sent; weak evidence of anything
            if (app) {
                tally.observe(TriagePath.NETWORK_POLICY, 1, what, place, where);
            } else {
                tally.unplaced(what + " (no response recorded: aborted, blocked or never sent)", place, where);
            }
            return;
        }
        switch (category) {
            case RETRY_LATER -> {
                if (app) {
                    tally.observe(TriagePath.OUTAGE, 4, what, place, where);
                } else {
                    tally.unplaced(what + " (server error: " + NOT_THE_PRODUCT + ")", place, where);
                }
            }
            case NETWORK -> tally.observe(TriagePath.NETWORK_POLICY, 2 * scale, what, place, where);
            case BROWSER -> {
                if (netError == null || !netError.contains("ERR_ABORTED")) {
                    tally.observe(TriagePath.BROWSER_STATE, scale, what, place, where);
                } else {
                    tally.unplaced(what + " (cancelled by the page: usually harmless)", place, where);
                }
            }
            case FIX_ACCESS, SLOW_OR_CHECK_QUOTA -> {
                if (app) {
                    tally.observe(TriagePath.WEB_ONLY, 2, what, place, where);
                } else {
                    tally.unplaced(what + " (" + category.label().toLowerCase(Locale.ROOT) + ")", place, where);
                }
            }
            default -> tally.unplaced(what + " (" + category.label().toLowerCase(Locale.ROOT) + ")", place, where);
        }
    }

    /**
     * Weighs one failing call to the API as an SDK log, a transcript or a Batch file records it: {@code attempts}
     * attempts (or Batch requests) with the same outcome, described once ({@code what}: which call, what it
     * answered, its request IDs). Repeats weigh more with diminishing returns, as in a HAR; a server error that
     * persists over several attempts is the playbook's "500/503 across retries" and weighs more again.
     */
    public static void apiCall(EvidenceTally tally, int status, String netError, ErrorDetail error, Category category,
                               int attempts, String what, String place, Integer where) {
        int times = Math.max(1, Math.min(attempts, 5));
        if (status <= 0 && netError == null && category != Category.NETWORK) {
            tally.unplaced(what + " (no response recorded)", place, where);
            return;
        }
        api(tally, category, error, times, what, place, where);
        if (category == Category.RETRY_LATER && attempts > 1) {
            tally.add(TriagePath.API_SERVER, 2, "The server errors persisted across " + attempts + " attempts of the"
                    + " same call.");
        }
    }

    /** The API's error table (playbook, section 3): a 429 told apart by its code, the rest by class. */
    private static void api(EvidenceTally tally, Category category, ErrorDetail error, int times, String what,
                            String place, Integer where) {
        switch (category) {
            // a 429 is two problems: the code tells an exhausted quota (fix billing) from a rate limit (wait)
            case SLOW_OR_CHECK_QUOTA -> tally.observe(FailureClassifier.isQuota(error) ? TriagePath.API_QUOTA
                    : TriagePath.API_RATE_LIMIT, (FailureClassifier.isQuota(error) ? 6 : 4) * times, what, place, where);
            case RETRY_LATER -> tally.observe(TriagePath.API_SERVER, 3 * times, what, place, where);
            case FIX_ACCESS -> tally.observe(TriagePath.API_ACCESS, 4 * times, what, place, where);
            case FIX_REQUEST, CHECK_RESOURCE -> tally.observe(TriagePath.API_REQUEST, 4 * times, what, place, where);
            case NETWORK -> tally.observe(TriagePath.NETWORK_POLICY, 3 * times, what, place, where);
            case BROWSER -> tally.observe(TriagePath.BROWSER_STATE, times, what, place, where);
            default -> tally.unplaced(what, place, where);
        }
    }

    /** Weighs a 2xx stream that failed midway. */
    public static void streamError(EvidenceTally tally, String url, String code, String place, Integer where) {
        Hosts.Role role = Hosts.role(url);
        String what = "error event inside a 200 stream" + (code == null ? "" : " (" + code + ")") + " from "
                + Hosts.host(url);
        String c = code == null ? "" : code.toLowerCase(Locale.ROOT);
        boolean rateLimit = c.contains("rate_limit");
        boolean quota = FailureClassifier.isQuota(new ErrorDetail(null, code, null, null)) || c.contains("quota");
        if (role == Hosts.Role.API) {
            if (quota) {
                tally.observe(TriagePath.API_QUOTA, 4, what, place, where);
            } else if (rateLimit) {
                tally.observe(TriagePath.API_RATE_LIMIT, 3, what, place, where);
            } else {
                tally.observe(TriagePath.API_SERVER, 3, what, place, where);
            }
        } else if (role == Hosts.Role.APP) {
            if (quota || rateLimit) {
                tally.observe(TriagePath.WEB_ONLY, quota ? 4 : 3, what, place, where);
            } else {
                tally.observe(TriagePath.OUTAGE, 3, what, place, where);
            }
        } else {
            tally.unplaced(what + " (" + NOT_THE_PRODUCT + ")", place, where);
        }
    }

    /**
     * Weighs a signal. {@code url} may be null (a console line without a URL): then the host is unknown, and a
     * signal that only the service itself could send (a Cloudflare 52x of its origin) weighs nothing.
     */
    public static void signal(EvidenceTally tally, SignalType type, String url, String detail, String place,
                              Integer where) {
        Hosts.Role role = url == null ? null : Hosts.role(url);
        // a host known to be someone else's: what its responses say is about that site, not this service
        boolean foreign = role == Hosts.Role.OTHER || role == Hosts.Role.TELEMETRY;
        boolean product = role == Hosts.Role.APP || role == Hosts.Role.API;
        String host = url == null ? "" : Hosts.host(url);
        String what = type.label() + (host.isEmpty() ? "" : " on " + host);
        switch (type) {
            case TLS_INTERCEPTION -> tally.observe(TriagePath.NETWORK_POLICY, 5, what
                    + (detail == null ? "" : ": " + detail), place, where);
            case PROXY_FAILURE -> tally.observe(TriagePath.NETWORK_POLICY, 5, what, place, where);
            case DNS_FAILURE, CONNECTION_FAILURE -> {
                if (product) {
                    tally.observe(TriagePath.NETWORK_POLICY, type == SignalType.DNS_FAILURE ? 4 : 2, what, place, where);
                }
            }
            case BLOCKED_BY_POLICY -> tally.observe(TriagePath.NETWORK_POLICY, 2, what, place, where);
            case OFFLINE -> tally.observe(TriagePath.NETWORK_POLICY, 2, type.label(), place, where);
            case UNUSUAL_ACTIVITY -> tally.observe(TriagePath.NETWORK_POLICY, 4, what, place, where);
            case CLOUDFLARE_CHALLENGE -> notForeign(tally, foreign, TriagePath.BROWSER_STATE, 5, what, place, where);
            case CLOUDFLARE_BLOCK -> notForeign(tally, foreign, TriagePath.NETWORK_POLICY, 4, what, place, where);
            case BLOCKED_BY_CLIENT -> {
                if (product) {
                    tally.observe(TriagePath.BROWSER_STATE, 4, what, place, where);
                }
            }
            case SESSION_EXPIRED -> notForeign(tally, foreign, role == Hosts.Role.API ? TriagePath.API_ACCESS
                    : TriagePath.BROWSER_STATE, 4, what, place, where);
            case CORS_BLOCKED, MIXED_CONTENT -> notForeign(tally, foreign, TriagePath.BROWSER_STATE, 1, what, place, where);
            case CLOUDFLARE_ORIGIN_ERROR -> {
                if (role == Hosts.Role.APP) {
                    tally.observe(TriagePath.OUTAGE, 4, what, place, where);
                } else if (role == Hosts.Role.API) {
                    tally.observe(TriagePath.API_SERVER, 4, what, place, where);
                } else {
                    tally.unplaced(what + (url == null ? " (host not known)" : " (" + NOT_THE_PRODUCT + ")"), place, where);
                }
            }
            case QUOTA_EXHAUSTED -> notForeign(tally, foreign, role == Hosts.Role.API ? TriagePath.API_QUOTA
                    : TriagePath.WEB_ONLY, 3, what, place, where);
            case RATE_LIMIT_EXHAUSTED -> notForeign(tally, foreign || role == Hosts.Role.APP, TriagePath.API_RATE_LIMIT,
                    2, what, place, where);
            case REGION_UNSUPPORTED -> tally.observe(role == Hosts.Role.API ? TriagePath.API_ACCESS
                    : TriagePath.NETWORK_POLICY, 4, what, place, where);
            // a client retrying in a tight loop spends the limit faster: it makes a 429 worse (playbook, section 3)
            case RETRIES_WITHOUT_BACKOFF -> notForeign(tally, foreign || role == Hosts.Role.APP,
                    TriagePath.API_RATE_LIMIT, 1, what + (detail == null ? "" : ": " + detail), place, where);
            // requests that could not run before the completion window ended: the service's capacity, not the input
            case BATCH_EXPIRED -> tally.observe(TriagePath.API_SERVER, 3, what + (detail == null ? "" : ": " + detail),
                    place, where);
            // the input file failed validation: nothing ran, the file has to be fixed
            case BATCH_INVALID -> tally.observe(TriagePath.API_REQUEST, 6, what + (detail == null ? "" : ": " + detail),
                    place, where);
            case SDK_RETRIES -> { } // context for support, not a cause
            default -> { }
        }
    }

    private static void notForeign(EvidenceTally tally, boolean foreign, TriagePath path, int weight, String what,
                                   String place, Integer where) {
        if (foreign) {
            tally.unplaced(what + " (" + NOT_A_PRODUCT_HOST + ")", place, where);
        } else {
            tally.observe(path, weight, what, place, where);
        }
    }

    /** The heaviest path of {@link #PRIORITY}, the first on a tie; {@link TriagePath#UNKNOWN} when none weighs. */
    public static TriagePath best(Map<TriagePath, Integer> scores) {
        TriagePath best = TriagePath.UNKNOWN;
        int bestScore = 0;
        for (TriagePath p : PRIORITY) {
            int s = scores.getOrDefault(p, 0);
            if (s > bestScore) {
                best = p;
                bestScore = s;
            }
        }
        return best;
    }

    /** The path the tally points to, with its reasons strongest first. */
    public static Verdict decide(EvidenceTally tally) {
        if (tally.isEmpty()) {
            return Verdict.unknown("No failing requests or signals found in the evidence.");
        }
        TriagePath best = best(tally.scores());
        if (best == TriagePath.UNKNOWN) {
            List<String> reasons = new ArrayList<>();
            reasons.add(UNPLACED);
            tally.reasons(TriagePath.UNKNOWN).stream().limit(6).forEach(r -> reasons.add("Seen: " + r));
            return new Verdict(TriagePath.UNKNOWN, reasons);
        }
        List<String> all = tally.reasons(best);
        List<String> reasons = new ArrayList<>(all.subList(0, Math.min(8, all.size())));
        reasons.addAll(tally.alsoSeen(best, 3));
        return new Verdict(best, reasons);
    }

    /** Why failures that weigh nothing leave the verdict open. */
    public static final String UNPLACED = "The failures found do not point to one branch of the triage matrix: they"
            + " read as problems of the request, or of sites other than ChatGPT and the OpenAI API, not of the"
            + " service, the network or the browser.";

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
