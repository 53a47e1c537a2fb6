package org.openloop.crm.customer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.shared.MaskStyle;
import org.openloop.crm.shared.Sensitive;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A customer as pages, API and exports show it; phone and e-mail masked for readers without the right (A4).
 * {@code returnsToPoolAt} is when the customer goes back to the pool without a follow-up (B5), or {@code null};
 * {@code pendingChanges} names the key fields whose change waits for approval (A7); {@code customFields} holds the
 * custom field values by key (B11).
 */
public record CustomerView(UUID id, String number, String name, String industry, CompanySize size,
        CustomerType type, CustomerLevel level, CustomerSource source, ActivityState activity, String address,
        @Sensitive(MaskStyle.PHONE) String phone, @Sensitive(MaskStyle.EMAIL) String email, String website,
        String background, String painPoints, UUID ownerId, String ownerName, UUID departmentId, boolean archived,
        String archiveReason, Instant lastInteractionAt, Instant pooledAt, String poolReason,
        Instant returnsToPoolAt, List<TagRef> tags, List<String> pendingChanges, Instant createdAt, long version,
        Map<String, Object> customFields) {

    /** In the customer pool (公海): no owner, claimable by anyone who may view customers (B5). */
    @JsonProperty("pooled")
    public boolean pooled() {
        return ownerId == null;
    }
}
