package dev.triagedesk.evidence.redact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SensitiveNamesTests {

    @ParameterizedTest
    @CsvSource({
        "Authorization, AUTHORIZATION", "x-api-key, API_KEY", "apiKey, API_KEY", "api_key, API_KEY", "apikey, API_KEY",
        "accessToken, TOKEN", "access_token, TOKEN", "refresh_token, TOKEN", "id_token, TOKEN",
        "csrfmiddlewaretoken, TOKEN", "client_secret, SECRET", "password, PASSWORD", "Passwd, PASSWORD",
        "JSESSIONID, SESSION", "sessionid, SESSION", "X-Amz-Signature, SIGNATURE", "X-Amz-Credential, CREDENTIAL",
        "x-goog-api-key, API_KEY", "key, KEY", "otp, PASSWORD", "sig, SIGNATURE", "code, CODE", "Sec-WebSocket-Key, KEY"})
    void secretNames(String name, SecretKind kind) {
        assertThat(SensitiveNames.classify(name, Scope.REQUEST_HEADER)).isEqualTo(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {":authority", "keep-alive", "max_tokens", "x-ratelimit-remaining-tokens", "total_tokens",
        "x-request-id", "cf-ray", "content-type", "author", "monkey", "Access-Control-Allow-Credentials",
        "openai-organization", "x-stainless-retry-count", "keyboard", "passage"})
    void namesThatAreNotSecrets(String name) {
        assertThat(SensitiveNames.classify(name, Scope.REQUEST_HEADER)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"code", "key", "auth", "sig", "pin"})
    void proseWordsDoNotCountInFreeText(String name) {
        assertThat(SensitiveNames.classify(name, Scope.TEXT)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rate_limit_exceeded", "insufficient_quota", "PGRST202", "1020", "overloaded", "invalid_api_key",
        "model_not_found", "ERR_BAD_REQUEST"})
    void errorCodes(String code) {
        assertThat(SensitiveNames.looksLikeErrorCode(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4/0AX4XfWhABCDEF", "a1b2c3d4e5f6a7b8c9d0", "123456789", "Zx9-", "abcdefghijklmnopqrstuvwxyz"})
    void oneTimeAndOAuthCodesAreNotErrorCodes(String code) {
        assertThat(SensitiveNames.looksLikeErrorCode(code)).isFalse();
    }
}
