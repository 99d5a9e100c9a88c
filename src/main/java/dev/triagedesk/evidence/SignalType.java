package dev.triagedesk.evidence;

/** Evidence for one branch of the triage matrix, found in a HAR entry or a console line. */
public enum SignalType implements Term {
    CLOUDFLARE_CHALLENGE("cloudflare_challenge", "Cloudflare challenge page instead of the app's response"),
    CLOUDFLARE_BLOCK("cloudflare_block", "Cloudflare firewall block page"),
    CLOUDFLARE_ORIGIN_ERROR("cloudflare_5xx", "Cloudflare 52x: the service's origin failed"),
    TLS_INTERCEPTION("tls_interception", "TLS interception or a filtering proxy"),
    BLOCKED_BY_CLIENT("blocked_by_client", "Request blocked by a browser extension"),
    BLOCKED_BY_POLICY("blocked_by_policy", "Request blocked by browser policy or page security rules"),
    DNS_FAILURE("dns_failure", "Host name did not resolve"),
    PROXY_FAILURE("proxy_failure", "Proxy failure"),
    CONNECTION_FAILURE("connection_failure", "Connection reset, refused or timed out"),
    OFFLINE("offline", "Device offline or network changed"),
    RATE_LIMIT_EXHAUSTED("rate_limit_exhausted", "Rate-limit headers show nothing remaining"),
    QUOTA_EXHAUSTED("quota_exhausted", "Quota or plan limit exhausted"),
    SDK_RETRIES("sdk_retries", "The client already retried"),
    RETRIES_WITHOUT_BACKOFF("retries_without_backoff", "The client retried without waiting longer each time"),
    SESSION_EXPIRED("session_expired", "Sign-in session expired or unreadable"),
    UNUSUAL_ACTIVITY("unusual_activity", "Anti-abuse check (VPN or IP reputation)"),
    REGION_UNSUPPORTED("region_unsupported", "Country or region not supported"),
    CORS_BLOCKED("cors_blocked", "Cross-origin request blocked"),
    MIXED_CONTENT("mixed_content", "Insecure request from a secure page blocked"),
    BATCH_EXPIRED("batch_expired", "Batch requests expired before the completion window ended"),
    BATCH_INVALID("batch_invalid", "The Batch job's input file failed validation");

    private final IdAndLabel idAndLabel;

    SignalType(String id, String label) {
        this.idAndLabel = new IdAndLabel(id, label);
    }

    @Override
    public IdAndLabel idAndLabel() {
        return idAndLabel;
    }

    public static SignalType fromId(String id) {
        return Term.fromId(SignalType.class, id, "signal");
    }
}
