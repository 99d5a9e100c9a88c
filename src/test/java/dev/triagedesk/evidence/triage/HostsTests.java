package dev.triagedesk.evidence.triage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostsTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            https://chatgpt.com/backend-api/conversation?x=1 | chatgpt.com     | /backend-api/conversation
            https://user:pw@api.openai.com:443/v1/models#top | api.openai.com  | /v1/models
            chatgpt.com/backend-api/models                   | chatgpt.com     | /backend-api/models
            //cdn.oaistatic.com/assets/app.js?v=2            | cdn.oaistatic.com | /assets/app.js
            /backend-api/me                                  | ''              | /backend-api/me
            https://chatgpt.com                              | chatgpt.com     | /
            chatgpt.com                                      | chatgpt.com     | /
            """)
    void hostAndPathWithAndWithoutScheme(String url, String host, String path) {
        assertThat(Hosts.host(url)).isEqualTo(host);
        assertThat(Hosts.path(url)).isEqualTo(path);
    }
}
