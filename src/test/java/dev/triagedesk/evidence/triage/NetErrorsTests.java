package dev.triagedesk.evidence.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.Category;
import dev.triagedesk.evidence.SignalType;
import org.junit.jupiter.api.Test;

class NetErrorsTests {

    @Test
    void findsChromeNetErrorsButNotOtherErrCodes() {
        assertThat(NetErrors.find("Failed to load resource: net::ERR_BLOCKED_BY_CLIENT.Inspector")).isEqualTo("net::ERR_BLOCKED_BY_CLIENT");
        assertThat(NetErrors.find("ERR_CONNECTION_RESET")).isEqualTo("net::ERR_CONNECTION_RESET");
        assertThat(NetErrors.find("AxiosError: code: 'ERR_BAD_RESPONSE'")).isNull();
    }

    @Test
    void eachFamilyPointsToItsSignal() {
        assertThat(NetErrors.signal("net::ERR_CERT_AUTHORITY_INVALID")).isEqualTo(SignalType.TLS_INTERCEPTION);
        assertThat(NetErrors.signal("net::ERR_NAME_NOT_RESOLVED")).isEqualTo(SignalType.DNS_FAILURE);
        assertThat(NetErrors.signal("net::ERR_TUNNEL_CONNECTION_FAILED")).isEqualTo(SignalType.PROXY_FAILURE);
        assertThat(NetErrors.signal("net::ERR_INTERNET_DISCONNECTED")).isEqualTo(SignalType.OFFLINE);
        assertThat(NetErrors.signal("net::ERR_HTTP2_PROTOCOL_ERROR")).isEqualTo(SignalType.CONNECTION_FAILURE);
        assertThat(NetErrors.signal("net::ERR_ABORTED")).isNull();
        assertThat(NetErrors.category("net::ERR_BLOCKED_BY_CLIENT")).isEqualTo(Category.BROWSER);
        assertThat(NetErrors.category("net::ERR_CONNECTION_REFUSED")).isEqualTo(Category.NETWORK);
        assertThat(NetErrors.signalFromText("getaddrinfo ENOTFOUND api.openai.com")).isEqualTo(SignalType.DNS_FAILURE);
        assertThat(NetErrors.signalFromText("SSL: CERTIFICATE_VERIFY_FAILED unable to get local issuer certificate"))
                .isEqualTo(SignalType.TLS_INTERCEPTION);
    }
}
