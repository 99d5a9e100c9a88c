package dev.triagedesk.evidence;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a failing request asks the reporter to do, after the support playbook's API error classes. */
public enum Category {
    FIX_REQUEST("fix_request", "Fix the request"),
    FIX_ACCESS("fix_access", "Fix access"),
    CHECK_RESOURCE("check_resource", "Check the resource"),
    SLOW_OR_CHECK_QUOTA("slow_or_check_quota", "Slow down or check quota"),
    RETRY_LATER("retry_later", "Retry later"),
    NETWORK("network", "Network interception"),
    BROWSER("browser", "Browser state"),
    UNKNOWN("unknown", "Unknown");

    private final String id;
    private final String label;

    Category(String id, String label) {
        this.id = id;
        this.label = label;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static Category fromId(String id) {
        for (Category c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown category: " + id);
    }
}
