package dev.triagedesk.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

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
    /** x-request-id / X-Client-Request-Id values the reporter pasted, one per line. */
    @Column(name = "api_request_ids", length = 4000)
    private String requestIds;

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

    public String getRequestIds() {
        return requestIds;
    }

    public void setRequestIds(String requestIds) {
        this.requestIds = requestIds;
    }
}
