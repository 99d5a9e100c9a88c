package dev.triagedesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** {@code TRIAGE_TRUSTED_PROXIES} as it becomes Tomcat's settings. */
class TrustedProxiesTests {

    @Test
    void addressesBecomeRangesOfOneAndRangesStay() {
        assertThat(TrustedProxies.cidrList(" 10.0.0.5, 172.18.0.0/16  fd00::1 ,::1/128"))
                .isEqualTo("10.0.0.5/32, 172.18.0.0/16, fd00::1/128, ::1/128");
    }

    @Test
    void anythingButAddressesStopsTheStartUpWithItsReason() {
        assertThatThrownBy(() -> TrustedProxies.cidrList("proxy.internal"))
                .hasMessageContaining("\"proxy.internal\" is not an IP address or a CIDR range");
        assertThatThrownBy(() -> TrustedProxies.cidrList("10\\.0\\..*"))
                .hasMessageContaining("is not an IP address");
        assertThatThrownBy(() -> TrustedProxies.cidrList("10.0.0.0/33")).hasMessageContaining("0 to 32");
        assertThatThrownBy(() -> TrustedProxies.cidrList(" , ")).hasMessageContaining("names no address");
    }

    @Test
    void forwardedHeadersAreSwitchedOnOnlyWhenProxiesAreNamed() {
        MockEnvironment none = new MockEnvironment().withProperty(TrustedProxies.PROPERTY, "");
        new TrustedProxies().postProcessEnvironment(none, null);
        assertThat(none.getProperty("server.forward-headers-strategy")).isNull();

        MockEnvironment named = new MockEnvironment().withProperty(TrustedProxies.PROPERTY, "10.0.0.5")
                .withProperty("server.forward-headers-strategy", "none");
        new TrustedProxies().postProcessEnvironment(named, null);
        assertThat(named.getProperty("server.forward-headers-strategy")).isEqualTo("native");
        assertThat(named.getProperty("server.tomcat.remoteip.internal-proxies")).isEqualTo("10.0.0.5/32");
    }
}
