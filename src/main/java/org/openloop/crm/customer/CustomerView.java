package org.openloop.crm.customer;

import java.time.Instant;
import java.util.UUID;

import org.openloop.crm.shared.MaskStyle;
import org.openloop.crm.shared.Sensitive;

/** A customer as pages, API and exports show it; phone and e-mail masked for readers without the right (A4). */
public record CustomerView(UUID id, String number, String name, String industry, CompanySize size,
        CustomerType type, CustomerLevel level, CustomerSource source, ActivityState activity, String address,
        @Sensitive(MaskStyle.PHONE) String phone, @Sensitive(MaskStyle.EMAIL) String email, String website,
        String background, String painPoints, UUID ownerId, String ownerName, UUID departmentId, boolean archived,
        String archiveReason, Instant lastInteractionAt, Instant createdAt, long version) {
}
