package dev.triagedesk.evidence.triage;

/**
 * Filtering proxies and TLS-inspecting security products (error-facts.md 4.2): the words their block pages,
 * {@code Via}/{@code Server} headers and certificate issuers carry, with the vendor to name. Shared by the HAR
 * reader and the API client reader (curl's {@code issuer:} line).
 */
public final class InterceptionProducts {

    /** Lower-case marker and vendor, most specific first. */
    private static final String[][] MARKERS = {
        {"zscaler", "Zscaler"}, {"web filter violation", "Fortinet"}, {"fortiguard", "Fortinet"},
        {"fortigate", "Fortinet"}, {"blocked in accordance with company policy", "Palo Alto"},
        {"palo alto networks", "Palo Alto"}, {"sophos", "Sophos"}, {"barracuda", "Barracuda"},
        {"blue coat", "Blue Coat"}, {"bluecoat", "Blue Coat"}, {"content_filter_denied", "Blue Coat"},
        {"netskope", "Netskope"}, {"goskope", "Netskope"}, {"cisco umbrella", "Cisco Umbrella"},
        {"opendns", "Cisco Umbrella"}, {"websense", "Forcepoint"}, {"forcepoint", "Forcepoint"},
        {"mcafee web gateway", "McAfee/Skyhigh"}, {"skyhigh", "McAfee/Skyhigh"}, {"squid", "Squid"},
        {"kaspersky", "Kaspersky"}, {"eset ssl filter", "ESET"}, {"avast", "Avast"}, {"bitdefender", "Bitdefender"}};

    private InterceptionProducts() {
    }

    /** The vendor whose marker the lower-case text holds, or {@code null}. */
    public static String vendorIn(String lowerText) {
        if (lowerText == null || lowerText.isEmpty()) {
            return null;
        }
        for (String[] m : MARKERS) {
            if (lowerText.contains(m[0])) {
                return m[1];
            }
        }
        return null;
    }
}
