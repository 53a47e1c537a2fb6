package org.openloop.crm.attachment;

import java.io.IOException;
import java.io.InputStream;

/** An attachment opened for download: close it when done. */
public record AttachmentDownload(AttachmentSummary attachment, InputStream content) implements AutoCloseable {

    @Override
    public void close() throws IOException {
        content.close();
    }
}
