package org.openloop.crm.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.shared.MaskStyle;
import org.openloop.crm.shared.Sensitive;

/** A contact as pages, API and exports show it; phones and e-mail masked for readers without the right (A4). */
public record ContactView(UUID id, UUID customerId, String customerName, String name, String title,
        @Sensitive(MaskStyle.PHONE) String mobile, @Sensitive(MaskStyle.PHONE) String officePhone,
        @Sensitive(MaskStyle.EMAIL) String email, LocalDate birthday, boolean keyDecisionMaker,
        boolean primaryContact, Instant createdAt, long version, Map<String, Object> customFields) {
}
