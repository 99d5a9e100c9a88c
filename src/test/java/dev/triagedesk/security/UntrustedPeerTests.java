package dev.triagedesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.support.TriageDeskTest;
import org.junit.jupiter.api.Test;

/**
 * With {@code TRIAGE_TRUSTED_PROXIES} unset (the default), no peer is believed about the client: a client that
 * sends {@code X-Forwarded-For} itself cannot pose as another address, nor {@code X-Forwarded-Host} change links.
 */
@TriageDeskTest
class UntrustedPeerTests extends ProxiedRequests {

    @Test
    void aForwardedAddressFromAnUntrustedPeerIsIgnored() throws Exception {
        assertThat(failedSignInForwardedFor(CLIENT)).isEqualTo(401);
        assertThat(failedSignInForwardedFor("203.0.113.8")).isEqualTo(401);
        assertThat(throttle.unknownNameFailuresFrom(CLIENT)).isZero();
        assertThat(throttle.unknownNameFailuresFrom("127.0.0.1")).isEqualTo(2);
    }

    @Test
    void aForwardedHostFromAnUntrustedPeerDoesNotMakeTheLink() throws Exception {
        assertThat(privateLinkForwardedAs("evil.example")).isEqualTo("http://127.0.0.1:" + port + "/r/<token>");
    }
}
