package dev.triagedesk.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** What support needs for an API case (step 3, API path). */
@Embeddable
public class ApiContext {

    @Column(name = "api_model", length = 200)
    private String model;
    @Column(name = "api_endpoint", length = 500)
    private String endpoint;
    @Column(name = "api_service_tier", length = 100)
    private String serviceTier;
    @Column(name = "api_org_id", length = 200)
    private String orgId;
    @Column(name = "api_project_id", length = 200)
    private String projectId;
    @Column(name = "api_failing_percent")
    private Integer failingPercent;
    @Column(name = "api_retried_with_backoff")
    private Boolean retriedWithBackoff;
    /** With {@link #retriedWithBackoff} true: whether the retries got the calls through (null: they did not). */
    @Column(name = "api_backoff_helped")
    private Boolean backoffHelped;
    /** x-request-id / X-Client-Request-Id values the reporter pasted, one per line. */
    @Column(name = "api_request_ids", length = 4000)
    private String requestIds;
    /** The client and its version as the reporter names it ("openai-python 1.54.0"). */
    @Column(name = "api_sdk", length = 200)
    private String sdk;
    @Enumerated(EnumType.STRING)
    @Column(name = "api_call_mode", length = 20)
    private ApiCallMode callMode;

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public String getServiceTier() {
        return serviceTier;
    }

    public void setServiceTier(String serviceTier) {
        this.serviceTier = serviceTier;
    }

    public String getOrgId() {
        return orgId;
    }

    public void setOrgId(String orgId) {
        this.orgId = orgId;
    }

    public String getProjectId() {
        return projectId;
    }

    public void setProjectId(String projectId) {
        this.projectId = projectId;
    }

    public Integer getFailingPercent() {
        return failingPercent;
    }

    public void setFailingPercent(Integer failingPercent) {
        this.failingPercent = failingPercent;
    }

    public Boolean getRetriedWithBackoff() {
        return retriedWithBackoff;
    }

    public void setRetriedWithBackoff(Boolean retriedWithBackoff) {
        this.retriedWithBackoff = retriedWithBackoff;
    }

    /** Retried with backoff, and the calls went through: the matrix's "it stabilises". */
    public boolean backoffHelped() {
        return Boolean.TRUE.equals(retriedWithBackoff) && Boolean.TRUE.equals(backoffHelped);
    }

    /** Retried with backoff, and the calls still fail. */
    public boolean backoffDidNotHelp() {
        return Boolean.TRUE.equals(retriedWithBackoff) && !Boolean.TRUE.equals(backoffHelped);
    }

    public Boolean getBackoffHelped() {
        return backoffHelped;
    }

    public void setBackoffHelped(Boolean backoffHelped) {
        this.backoffHelped = backoffHelped;
    }

    /**
     * The answer to "did retries with exponential backoff help?" as the form's radio values: {@code helped},
     * {@code true} (retried, still failing), {@code false} (not retried), or null (not sure).
     */
    public String retryAnswer() {
        if (retriedWithBackoff == null) {
            return null;
        }
        return backoffHelped() ? "helped" : retriedWithBackoff.toString();
    }

    /** Sets both columns from a {@link #retryAnswer()} value; anything else is "not sure". */
    public void setRetryAnswer(String answer) {
        retriedWithBackoff = answer == null ? null : switch (answer) {
            case "helped", "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
        backoffHelped = "helped".equals(answer) ? Boolean.TRUE : null;
    }

    public String getRequestIds() {
        return requestIds;
    }

    public void setRequestIds(String requestIds) {
        this.requestIds = requestIds;
    }

    public String getSdk() {
        return sdk;
    }

    public void setSdk(String sdk) {
        this.sdk = sdk;
    }

    public ApiCallMode getCallMode() {
        return callMode;
    }

    public void setCallMode(ApiCallMode callMode) {
        this.callMode = callMode;
    }
}
