package dev.triagedesk.evidence;

/** The branches of the triage matrix (support playbook, section 1) a verdict can point to. */
public enum TriagePath implements Term {
    OUTAGE("outage", "Live service problem",
            "Confirm the incident for this component on the status page, wait 10-30 minutes and retry on a fresh page load."),
    BROWSER_STATE("browser-state", "Browser state",
            "Try a private window, then clear the site's data and disable extensions; compare with another browser."),
    NETWORK_POLICY("network-policy", "Network policy or interception",
            "Try another network (a phone hotspot) with the VPN off; if that works, ask IT to allowlist the service's domains."),
    WEB_ONLY("web-only", "Web app or session only",
            "Keep API troubleshooting separate; isolate the browser session (sign out and in, private window)."),
    API_SERVER("api-server", "API server error",
            "Retry with exponential backoff and jitter, log the request IDs, watch the status page; send the IDs to support if it persists."),
    API_RATE_LIMIT("api-rate-limit", "API rate limit",
            "Slow down: honour retry-after and the x-ratelimit-reset headers, add backoff with jitter, lower concurrency."),
    API_QUOTA("api-quota", "API quota or billing",
            "Retrying will not help: check the plan, billing and usage limits of the organization and project."),
    API_REQUEST("api-request", "API request error",
            "Fix the request: check the parameter named in the error, the model name, the endpoint URL and the input size."),
    API_ACCESS("api-access", "API access",
            "Check the API key, organization and project, the model's access and the allowed IP ranges or region."),
    UNKNOWN("unknown", "Not determined",
            "Collect a HAR and console log while reproducing, and answer the isolation checklist.");

    private final IdAndLabel idAndLabel;
    private final String nextStep;

    TriagePath(String id, String label, String nextStep) {
        this.idAndLabel = new IdAndLabel(id, label);
        this.nextStep = nextStep;
    }

    @Override
    public IdAndLabel idAndLabel() {
        return idAndLabel;
    }

    /** What the reporter or agent should do next on this path. */
    public String nextStep() {
        return nextStep;
    }

    public static TriagePath fromId(String id) {
        return Term.fromId(TriagePath.class, id, "triage path");
    }
}
