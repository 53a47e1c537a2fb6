package org.openloop.crm.customer;

import java.util.Map;

import org.openloop.crm.shared.ValidPhone;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a user may set on a customer. Number, owner, department and archive state are not part of it: the number is
 * issued by the system, ownership changes only by transfer (A5), so they cannot be mass-assigned. {@code customFields}
 * holds custom field values by key (B11); {@code null} leaves stored values as they are.
 */
public record CustomerDraft(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 100) String industry,
        CompanySize size,
        CustomerType type,
        CustomerLevel level,
        CustomerSource source,
        @Size(max = 300) String address,
        @ValidPhone @Size(max = 40) String phone,
        @Email @Size(max = 200) String email,
        @Pattern(regexp = "https?://[^\\s]{1,290}", message = "{validation.website}") String website,
        @Size(max = 4000) String background,
        @Size(max = 4000) String painPoints,
        Long version,
        Map<String, Object> customFields) {

    /** A draft without custom fields: on update they keep their values (B11). */
    public CustomerDraft(String name, String industry, CompanySize size, CustomerType type, CustomerLevel level,
            CustomerSource source, String address, String phone, String email, String website, String background,
            String painPoints, Long version) {
        this(name, industry, size, type, level, source, address, phone, email, website, background, painPoints,
                version, null);
    }

    public CustomerDraft {
        name = trim(name);
        industry = trim(industry);
        address = trim(address);
        phone = trim(phone);
        email = trim(email);
        website = trim(website);
        background = trim(background);
        painPoints = trim(painPoints);
        type = type == null ? CustomerType.TARGET : type;
        level = level == null ? CustomerLevel.NORMAL : level;
    }

    static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
