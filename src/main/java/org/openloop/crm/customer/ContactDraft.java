package org.openloop.crm.customer;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.shared.ValidPhone;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;

/** What a user may set on a contact (B2); {@code customFields} as on {@link CustomerDraft} (B11). */
public record ContactDraft(
        @NotNull UUID customerId,
        @NotBlank @Size(max = 100) String name,
        @Size(max = 100) String title,
        @ValidPhone @Size(max = 40) String mobile,
        @ValidPhone @Size(max = 40) String officePhone,
        @Email @Size(max = 200) String email,
        @Past LocalDate birthday,
        Boolean keyDecisionMaker,
        Boolean primaryContact,
        Long version,
        Map<String, Object> customFields) {

    /** A draft without custom fields: on update they keep their values (B11). */
    public ContactDraft(UUID customerId, String name, String title, String mobile, String officePhone, String email,
            LocalDate birthday, Boolean keyDecisionMaker, Boolean primaryContact, Long version) {
        this(customerId, name, title, mobile, officePhone, email, birthday, keyDecisionMaker, primaryContact, version,
                null);
    }

    public ContactDraft {
        name = CustomerDraft.trim(name);
        title = CustomerDraft.trim(title);
        mobile = CustomerDraft.trim(mobile);
        officePhone = CustomerDraft.trim(officePhone);
        email = CustomerDraft.trim(email);
        keyDecisionMaker = Boolean.TRUE.equals(keyDecisionMaker);
        primaryContact = Boolean.TRUE.equals(primaryContact);
    }
}
