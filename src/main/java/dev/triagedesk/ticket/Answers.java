package dev.triagedesk.ticket;

/** Copies {@link ReportAnswers} onto a ticket; blank texts are stored as absent. */
final class Answers {

    private Answers() {
    }

    static void apply(Ticket t, ReportAnswers a) {
        t.setProduct(a.product());
        t.setProductDetail(blank(a.productDetail()));
        t.setSeenMessage(blank(a.seenMessage()));
        t.setSeenStatus(a.seenStatus());
        t.setOccurredAt(a.occurredAt());
        t.setTimeZone(blank(a.timeZone()));
        t.setEnvironment(blank(a.environment()));
        t.setReporterName(blank(a.reporterName()));
        t.setReporterEmail(blank(a.reporterEmail()));
        t.setDescription(blank(a.description()));
        t.setStatusPage(a.statusPage() == null ? StatusPageAnswer.NOT_CHECKED : a.statusPage());
        ReportAnswers.Checks c = a.checks();
        WebChecks w = t.getChecks();
        w.setPrivateWindow(or(c == null ? null : c.privateWindow()));
        w.setClearedSiteData(or(c == null ? null : c.clearedSiteData()));
        w.setExtensionsOff(or(c == null ? null : c.extensionsOff()));
        w.setOtherBrowser(or(c == null ? null : c.otherBrowser()));
        w.setOtherDevice(or(c == null ? null : c.otherDevice()));
        w.setOtherNetwork(or(c == null ? null : c.otherNetwork()));
        w.setVpnOff(or(c == null ? null : c.vpnOff()));
        w.setAppVsWeb(or(c == null ? null : c.appVsWeb()));
        ReportAnswers.Api api = a.api();
        ApiContext x = t.getApi();
        x.setModel(api == null ? null : blank(api.model()));
        x.setEndpoint(api == null ? null : blank(api.endpoint()));
        x.setServiceTier(api == null ? null : blank(api.serviceTier()));
        x.setOrgId(api == null ? null : blank(api.orgId()));
        x.setProjectId(api == null ? null : blank(api.projectId()));
        x.setFailingPercent(api == null ? null : api.failingPercent());
        boolean helped = api != null && Boolean.TRUE.equals(api.backoffHelped());
        x.setRetriedWithBackoff(helped ? Boolean.TRUE : api == null ? null : api.retriedWithBackoff());
        x.setBackoffHelped(helped ? Boolean.TRUE : null);
        x.setRequestIds(api == null ? null : blank(api.requestIds()));
        x.setSdk(api == null ? null : blank(api.sdk()));
        x.setCallMode(api == null ? null : api.callMode());
        t.setConversationUrl(ConversationAddress.normalise(a.conversationUrl()));
        t.reachStep(4);
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static CheckResult or(CheckResult r) {
        return r == null ? CheckResult.NOT_TRIED : r;
    }
}
