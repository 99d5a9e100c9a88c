package dev.triagedesk.report.web;

import dev.triagedesk.ticket.ApiCallMode;
import dev.triagedesk.ticket.ApiContext;
import dev.triagedesk.ticket.CheckResult;
import dev.triagedesk.ticket.MaxLength;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.WebChecks;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * Step 3, the isolation checklist: the browser and app checks, or for the OpenAI API what support needs to find
 * the calls. The page shows one half, chosen by the product of step 1; the other half is left as stored.
 */
record ChecksForm(
        CheckResult privateWindow, CheckResult clearedSiteData, CheckResult extensionsOff, CheckResult otherBrowser,
        CheckResult otherDevice, CheckResult otherNetwork, CheckResult vpnOff, CheckResult appVsWeb,
        @MaxLength(200) String model,
        @MaxLength(500) String endpoint,
        @MaxLength(200) String sdk,
        ApiCallMode callMode,
        @MaxLength(100) String serviceTier,
        @MaxLength(200) String orgId,
        @MaxLength(200) String projectId,
        @Min(value = 0, message = "{checks.failingPercent.range}") @Max(value = 100, message = "{checks.failingPercent.range}")
        Integer failingPercent,
        @Pattern(regexp = "helped|true|false", message = "{checks.retried.invalid}") String retriedWithBackoff,
        @MaxLength(4000) String requestIds) {

    ChecksForm {
        // "Not sure" sends an empty value
        retriedWithBackoff = FieldErrors.blank(retriedWithBackoff);
    }

    /** The web checks in the order the checklist asks them (field names; labels are in messages.properties). */
    static final List<String> WEB_CHECKS = List.of("privateWindow", "clearedSiteData", "extensionsOff", "otherBrowser",
            "otherDevice", "otherNetwork", "vpnOff", "appVsWeb");

    /** The service tiers support asks about; the field also takes others. */
    static final List<String> SERVICE_TIERS = List.of("standard", "priority", "scale", "flex", "batch");

    /** Clients offered as the SDK field's suggestions; the field takes any other, with its version. */
    static final List<String> SDKS = List.of("openai-python", "openai-node", "openai-java", "openai-go",
            "openai-dotnet", "curl", "LangChain", "LlamaIndex", "Vercel AI SDK", "own HTTP client");

    static ChecksForm of(Ticket t) {
        WebChecks c = t.getChecks();
        ApiContext a = t.getApi();
        return new ChecksForm(c.getPrivateWindow(), c.getClearedSiteData(), c.getExtensionsOff(), c.getOtherBrowser(),
                c.getOtherDevice(), c.getOtherNetwork(), c.getVpnOff(), c.getAppVsWeb(), a.getModel(), a.getEndpoint(),
                a.getSdk(), a.getCallMode(), a.getServiceTier(), a.getOrgId(), a.getProjectId(), a.getFailingPercent(), a.retryAnswer(),
                a.getRequestIds());
    }

    void applyTo(Ticket t, boolean api, FieldErrors errors) {
        if (api) {
            ApiContext a = t.getApi();
            errors.ifValid("model", FieldErrors.blank(model), a::setModel);
            errors.ifValid("endpoint", FieldErrors.blank(endpoint), a::setEndpoint);
            errors.ifValid("sdk", FieldErrors.blank(sdk), a::setSdk);
            errors.ifValid("callMode", callMode, a::setCallMode);
            errors.ifValid("serviceTier", FieldErrors.blank(serviceTier), a::setServiceTier);
            errors.ifValid("orgId", FieldErrors.blank(orgId), a::setOrgId);
            errors.ifValid("projectId", FieldErrors.blank(projectId), a::setProjectId);
            errors.ifValid("failingPercent", failingPercent, a::setFailingPercent);
            errors.ifValid("retriedWithBackoff", retriedWithBackoff, a::setRetryAnswer);
            errors.ifValid("requestIds", FieldErrors.blank(requestIds), a::setRequestIds);
            return;
        }
        WebChecks c = t.getChecks();
        errors.ifValid("privateWindow", or(privateWindow), c::setPrivateWindow);
        errors.ifValid("clearedSiteData", or(clearedSiteData), c::setClearedSiteData);
        errors.ifValid("extensionsOff", or(extensionsOff), c::setExtensionsOff);
        errors.ifValid("otherBrowser", or(otherBrowser), c::setOtherBrowser);
        errors.ifValid("otherDevice", or(otherDevice), c::setOtherDevice);
        errors.ifValid("otherNetwork", or(otherNetwork), c::setOtherNetwork);
        errors.ifValid("vpnOff", or(vpnOff), c::setVpnOff);
        errors.ifValid("appVsWeb", or(appVsWeb), c::setAppVsWeb);
    }

    private static CheckResult or(CheckResult r) {
        return r == null ? CheckResult.NOT_TRIED : r;
    }
}
