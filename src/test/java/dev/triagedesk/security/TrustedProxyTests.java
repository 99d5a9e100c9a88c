package dev.triagedesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.support.EdgeSettings;
import dev.triagedesk.support.TriageDeskTest;
import org.junit.jupiter.api.Test;

/**
 * From a proxy named in {@code TRIAGE_TRUSTED_PROXIES}, the forwarded client address and host are believed. The
 * setting is {@link EdgeSettings}': a lone address, a range and IPv6, separated by a comma and a space.
 */
@TriageDeskTest
@EdgeSettings
class TrustedProxyTests extends ProxiedRequests {

    @Test
    void theClientAddressAProxyForwardsIsTheOneSignInsAreCountedBy() throws Exception {
        assertThat(failedSignInForwardedFor(CLIENT)).isEqualTo(401);
        assertThat(failedSignInForwardedFor("203.0.113.8, 10.1.2.3")).isEqualTo(401);
        assertThat(throttle.unknownNameFailuresFrom(CLIENT)).isEqualTo(1);
        // the address the proxy received the request from is the first not itself a trusted proxy
        assertThat(throttle.unknownNameFailuresFrom("10.1.2.3")).isEqualTo(1);
        assertThat(throttle.unknownNameFailuresFrom("127.0.0.1")).isZero();
    }

    @Test
    void theHostAndSchemeAProxyForwardsMakeTheLinkWhenNoPublicUrlIsSet() throws Exception {
        assertThat(privateLinkForwardedAs("desk.example.org")).isEqualTo("https://desk.example.org/r/<token>");
    }
}
