package dev.triagedesk.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator, from {@code TRIAGE_ADMIN_USERNAME} and {@code TRIAGE_ADMIN_PASSWORD}; used only while
 * no staff account exists.
 */
@ConfigurationProperties("triage.admin")
record AdminAccountProperties(String username, String password) {

    boolean given() {
        return username != null && !username.isBlank() && password != null && !password.isEmpty();
    }

    @Override
    public String toString() {
        return "AdminAccountProperties[username=" + username + ", password=" + (password == null ? null : "(hidden)") + "]";
    }
}
