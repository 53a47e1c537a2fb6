package org.openloop.crm.organization;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.openloop.crm.shared.MaskStyle;
import org.openloop.crm.shared.Sensitive;

/** A user as other modules and the UI see them; e-mail and phone are masked for readers without the right. */
public record UserSummary(UUID id, String username, String displayName, @Sensitive(MaskStyle.EMAIL) String email,
        @Sensitive(MaskStyle.PHONE) String phone, UUID departmentId, String departmentName, UUID managerId,
        String managerName, boolean active, List<String> roleCodes, Instant createdAt, long version) {

    /** How pickers list a user: "display name (username)", which tells two people of the same name apart. */
    public String choiceLabel() {
        return displayName + " (" + username + ")";
    }
}
