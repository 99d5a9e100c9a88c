package dev.triagedesk.evidence.api;

import dev.triagedesk.evidence.triage.InterceptionProducts;
import java.util.List;
import java.util.Locale;

/**
 * Whether the issuer of the certificate a client was shown ({@code *  issuer: C=US; O=Google Trust Services;
 * CN=WE1} in {@code curl -v}) is a public CA the vendor's hosts use. Any other issuer on the vendor's host means
 * something between the client and the service made its own certificate: TLS interception.
 */
final class TlsIssuers {

    /** Organisations of the public CAs that have issued the API's and ChatGPT's certificates (and Azure's). */
    private static final List<String> PUBLIC_CAS = List.of("google trust services", "cloudflare, inc.", "cloudflare inc",
            "let's encrypt", "digicert", "sectigo", "globalsign", "baltimore", "amazon", "microsoft corporation",
            "comodo", "entrust", "godaddy", "isrg");

    private TlsIssuers() {
    }

    /** Whether the issuer line names one of those CAs. */
    static boolean isPublicCa(String issuer) {
        String lower = issuer.toLowerCase(Locale.ROOT);
        for (String ca : PUBLIC_CAS) {
            if (lower.contains(ca)) {
                return true;
            }
        }
        return false;
    }

    /** What a signal says about an issuer that is not a public CA: the product when it names a known one. */
    static String interception(String issuer) {
        String vendor = InterceptionProducts.vendorIn(issuer.toLowerCase(Locale.ROOT));
        return "certificate issued by " + issuer.strip() + (vendor == null ? ", not a public CA the service uses"
                : ": " + vendor + " inspects TLS");
    }
}
