package dev.triagedesk.evidence.redact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorCodeContextTests {

    private final ErrorCodeContext context = new ErrorCodeContext();

    @ParameterizedTest
    @ValueSource(strings = {"42P17", "PGRST204", "E11000", "23505", "rate_limit_exceeded", "invalid_api_key",
        "auth/invalid-email", "InvalidParameterValue", "AADSTS70008", "UNAUTHENTICATED", "card_declined"})
    void errorCodesOfAFailingResponseStay(String code) {
        context.response("https://db.example.supabase.co/rest/v1/rpc/x", 500);
        assertThat(context.keeps("code", code)).isTrue();
        assertThat(context.keeps("error_code", code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4/0AX4XfWhABCDEF", "SplxlOBeZQQYbYS6WxSbIA", "a1b2c3d4e5f6a7b8c9d0", "734519",
        "Qx7Lm2Np9Rt4Vw6Yz8Ab"})
    void randomCodesGoEvenFromAFailingResponse(String code) {
        context.response("https://auth.example/oauth/token", 400);
        assertThat(context.keeps("code", code)).isFalse();
    }

    @Test
    void aSignInFlowsSuccessfulBodyLosesItsCodeButNamedErrorCodesStay() {
        context.response("https://auth.example/oauth/device/code", 200);
        assertThat(context.keeps("code", "WDJB-MJHT")).isFalse();
        assertThat(context.keeps("user_code", "WDJB-MJHT")).isFalse();
        assertThat(context.keeps("error_code", "slow_down")).isTrue();
        context.response("https://api.example.com/v1/things", 200);
        assertThat(context.keeps("code", "42P17")).isTrue();
        assertThat(context.keeps("otpCode", "X7K2P")).as("a one-time code by name, whatever the response").isFalse();
        context.response("https://api.example.com/v1/things", 404);
        assertThat(context.keeps("verification_code", "ABCDEF")).isFalse();
    }
}
