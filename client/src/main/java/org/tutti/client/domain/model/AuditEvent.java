package org.tutti.client.domain.model;

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

/** A security-relevant event (login success or failure, lock, logout...). Table {@code tutti.audit_event}. */
@Entity
@Table(schema = "tutti", name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", nullable = false, updatable = false)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "site_id")
    private Site site;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "account_id")
    private Account account;

    @Column(name = "kind", nullable = false, length = 40)
    private String kind;

    @Column(name = "detail", length = 4000)
    private String detail;

    protected AuditEvent() {
    }

    /** An event of {@code kind} at {@code occurredAt}; site, account and detail may be null. */
    public AuditEvent(Instant occurredAt, Site site, Account account, AuditKind kind, String detail) {
        this.occurredAt = occurredAt;
        this.site = site;
        this.account = account;
        this.kind = kind.name();
        this.detail = detail;
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public Site getSite() {
        return site;
    }

    public Account getAccount() {
        return account;
    }

    public String getKind() {
        return kind;
    }

    public String getDetail() {
        return detail;
    }
}
