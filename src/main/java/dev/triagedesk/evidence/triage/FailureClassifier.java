package dev.triagedesk.evidence.triage;

import dev.triagedesk.evidence.Category;
import dev.triagedesk.evidence.ErrorDetail;
import dev.triagedesk.evidence.SignalType;
import java.util.Locale;
import java.util.Set;

/**
 * Puts a failure in a {@link Category} from its status, its error code and its net error, after the support
 * playbook's API error table. The body's code beats the status: a 429 is two different problems, a rate limit
 * ({@code rate_limit_exceeded}, wait) or an exhausted quota ({@code insufficient_quota}, fix billing).
 */
public final class FailureClassifier {

    private static final Set<String> QUOTA_CODES = Set.of("insufficient_quota", "usage_limit_reached",
            "usage_not_included", "billing_hard_limit_reached", "billing_not_active", "model_cap_exceeded",
            "quota_exceeded");
    private static final Set<String> REQUEST_CODES = Set.of("context_length_exceeded", "message_length_exceeds_limit",
            "invalid_value", "invalid_type", "missing_required_parameter", "unsupported_parameter",
            "invalid_request_body", "string_above_max_length", "invalid_image", "invalid_image_format",
            "invalid_base64_image", "image_too_large", "invalid_prompt", "unsupported_value");
    private static final Set<String> RESOURCE_CODES = Set.of("model_not_found", "conversation_not_found",
            "unknown_url", "not_found", "file_not_found", "image_file_not_found", "pgrst202", "pgrst116");
    private static final Set<String> ACCESS_CODES = Set.of("invalid_api_key", "token_expired", "invalid_jwt",
            "invalid_organization", "no_organization", "account_deactivated", "unsupported_country_region_territory",
            "unsupported_country", "invalid_token", "insufficient_permissions", "permission_denied",
            "invalid_grant", "unauthorized", "forbidden", "mismatched_organization", "invalid_project");
    private static final Set<String> RETRY_CODES = Set.of("server_error", "server_is_overloaded", "overloaded",
            "slow_down", "service_unavailable", "internal_error", "timeout", "engine_overloaded");

    private FailureClassifier() {
    }

    /**
     * @param status HTTP status; 0 or -1 when no response was recorded
     * @param netError the browser's failure text, if any
     * @param error the error read from the body, if any
     */
    public static Category classify(int status, String netError, ErrorDetail error) {
        String code = lower(error == null ? null : error.code());
        String message = lower(error == null ? null : error.message());
        if (status <= 0 || status < 400 && netError != null) {
            return NetErrors.category(netError);
        }
        if (isQuota(error)) {
            return Category.SLOW_OR_CHECK_QUOTA;
        }
        if (status == 429 || code != null && code.contains("rate_limit")) {
            return Category.SLOW_OR_CHECK_QUOTA;
        }
        if (status == 403 && message != null && message.contains("unusual activity")) {
            return Category.NETWORK;
        }
        if (code != null) {
            if (ACCESS_CODES.contains(code)) {
                return Category.FIX_ACCESS;
            }
            if (RESOURCE_CODES.contains(code)) {
                return Category.CHECK_RESOURCE;
            }
            if (REQUEST_CODES.contains(code)) {
                return Category.FIX_REQUEST;
            }
            if (RETRY_CODES.contains(code) && status >= 500) {
                return Category.RETRY_LATER;
            }
        }
        if (status == 407) {
            return Category.NETWORK;
        }
        if (status == 401 || status == 403 || status == 451) {
            return Category.FIX_ACCESS;
        }
        if (status == 404 || status == 410) {
            return Category.CHECK_RESOURCE;
        }
        if (status == 408 || status == 409 || status == 423 || status == 425) {
            return Category.RETRY_LATER;
        }
        if (status >= 500 && status <= 599) {
            return Category.RETRY_LATER;
        }
        if (status >= 400 && status <= 499) {
            return Category.FIX_REQUEST;
        }
        return Category.UNKNOWN;
    }

    /**
     * Whether an error says the quota or plan is exhausted (fix billing, retrying will not help) rather than a rate
     * limit (slow down): the code tells ({@code insufficient_quota} against {@code rate_limit_exceeded}), else the
     * type, else OpenAI's own wording. A 429 without any of these reads as a rate limit.
     */
    public static boolean isQuota(ErrorDetail error) {
        if (error == null) {
            return false;
        }
        String code = lower(error.code());
        String type = lower(error.type());
        String message = lower(error.message());
        return code != null && QUOTA_CODES.contains(code)
                || type != null && QUOTA_CODES.contains(type)
                || message != null && (message.contains("exceeded your current quota")
                || message.contains("check your plan and billing"));
    }

    /** A signal the error body itself is evidence of (expired session, quota, anti-abuse, region), or null. */
    public static SignalType signalOf(int status, ErrorDetail error, String url) {
        if (error == null) {
            return null;
        }
        String code = lower(error.code());
        String message = lower(error.message());
        if (isQuota(error) || message != null && message.contains("too many requests in 1 hour")) {
            return SignalType.QUOTA_EXHAUSTED;
        }
        if ("token_expired".equals(code) || "invalid_jwt".equals(code)
                || message != null && (message.contains("authentication token has expired")
                || message.contains("could not parse your authentication token"))) {
            return SignalType.SESSION_EXPIRED;
        }
        if (message != null && message.contains("unusual activity")) {
            return SignalType.UNUSUAL_ACTIVITY;
        }
        if (code != null && code.startsWith("unsupported_country")
                || message != null && message.contains("country, region, or territory not supported")) {
            return SignalType.REGION_UNSUPPORTED;
        }
        return null;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
