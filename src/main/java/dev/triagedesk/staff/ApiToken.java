package dev.triagedesk.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A personal API token of a staff member, for scripts; only its SHA-256 is stored. */
@Entity
@Table(name = "api_token")
public class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    private StaffUser user;
    @Column(length = 100, nullable = false)
    private String name;
    @Column(name = "token_hash", length = 64, nullable = false, unique = true)
    private String tokenHash;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "last_used_at")
    private Instant lastUsedAt;
    @Column(nullable = false)
    private boolean revoked;

    protected ApiToken() {
    }

    ApiToken(StaffUser user, String name, String tokenHash, Instant now) {
        this.user = user;
        this.name = name;
        this.tokenHash = tokenHash;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public StaffUser getUser() {
        return user;
    }

    public String getName() {
        return name;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    void used(Instant now) {
        this.lastUsedAt = now;
    }

    public boolean isRevoked() {
        return revoked;
    }

    void revoke() {
        this.revoked = true;
    }
}
