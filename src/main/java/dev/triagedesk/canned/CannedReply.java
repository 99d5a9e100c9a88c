package dev.triagedesk.canned;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A named reply text with placeholders. */
@Entity
@Table(name = "canned_reply")
public class CannedReply {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(length = 100, nullable = false, unique = true)
    private String name;
    @Column(length = 10000, nullable = false)
    private String body;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected CannedReply() {
    }

    CannedReply(String name, String body, Instant now) {
        set(name, body, now);
    }

    void set(String name, String body, Instant now) {
        this.name = name;
        this.body = body;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getBody() {
        return body;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
