package org.openloop.crm.attachment.web;

import org.openloop.crm.attachment.AttachmentManagement;
import org.springframework.stereotype.Component;

/** File sizes for people in templates, as {@code @attachmentSizes.format(bytes)}. */
@Component("attachmentSizes")
class AttachmentSizes {

    public String format(long bytes) {
        return AttachmentManagement.displaySize(bytes);
    }
}
