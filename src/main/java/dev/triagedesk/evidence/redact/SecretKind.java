package dev.triagedesk.evidence.redact;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a removed value was; named in its marker and in the redaction report. */
public enum SecretKind {
    COOKIE("cookie"),
    AUTHORIZATION("authorization"),
    BEARER("bearer"),
    BASIC("basic"),
    API_KEY("api-key"),
    JWT("jwt"),
    TOKEN("token"),
    SECRET("secret"),
    PASSWORD("password"),
    SESSION("session"),
    CREDENTIAL("credential"),
    SIGNATURE("signature"),
    CODE("code"),
    KEY("key"),
    USERINFO("userinfo"),
    PRIVATE_KEY("private-key"),
    CLOUD_KEY("cloud-key");

    private final String id;

    SecretKind(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }
}
