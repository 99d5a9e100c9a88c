package dev.triagedesk.evidence;

/** What a failing request asks the reporter to do, after the support playbook's API error classes. */
public enum Category implements Term {
    FIX_REQUEST("fix_request", "Fix the request"),
    FIX_ACCESS("fix_access", "Fix access"),
    CHECK_RESOURCE("check_resource", "Check the resource"),
    SLOW_OR_CHECK_QUOTA("slow_or_check_quota", "Slow down or check quota"),
    RETRY_LATER("retry_later", "Retry later"),
    NETWORK("network", "Network interception"),
    BROWSER("browser", "Browser state"),
    UNKNOWN("unknown", "Unknown");

    private final IdAndLabel idAndLabel;

    Category(String id, String label) {
        this.idAndLabel = new IdAndLabel(id, label);
    }

    @Override
    public IdAndLabel idAndLabel() {
        return idAndLabel;
    }

    public static Category fromId(String id) {
        return Term.fromId(Category.class, id, "category");
    }
}
