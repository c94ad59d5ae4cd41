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
import jakarta.persistence.Version;

/** A document a re-enrolment campaign asks for. Table {@code tutti.document_type}. */
@Entity
@Table(schema = "tutti", name = "document_type")
public class DocumentType {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", nullable = false, updatable = false)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "campaign_id", nullable = false)
    private ReenrolmentCampaign campaign;

    @Column(name = "name", nullable = false, length = 120)
    private String name;

    @Column(name = "required", nullable = false)
    private boolean required;

    @Column(name = "max_size_bytes", nullable = false)
    private int maxSizeBytes;

    @Version
    @Column(name = "version", nullable = false)
    private Long version;

    protected DocumentType() {
    }

    public Long getId() {
        return id;
    }

    public ReenrolmentCampaign getCampaign() {
        return campaign;
    }

    public void setCampaign(ReenrolmentCampaign campaign) {
        this.campaign = campaign;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public boolean isRequired() {
        return required;
    }

    public void setRequired(boolean required) {
        this.required = required;
    }

    public int getMaxSizeBytes() {
        return maxSizeBytes;
    }

    public void setMaxSizeBytes(int maxSizeBytes) {
        this.maxSizeBytes = maxSizeBytes;
    }

    public Long getVersion() {
        return version;
    }
}
