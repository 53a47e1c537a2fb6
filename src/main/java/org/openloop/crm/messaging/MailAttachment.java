package org.openloop.crm.messaging;

import java.util.Objects;

/** A file sent along with a mail (a quote's PDF, for example); the content is kept in memory. */
public record MailAttachment(String filename, String contentType, byte[] content) {

    public MailAttachment {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
    }
}
