package org.openloop.crm.attachment.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openloop.crm.attachment.AttachmentDownload;
import org.openloop.crm.attachment.AttachmentSummary;
import org.springframework.http.ContentDisposition;
import org.springframework.mock.web.MockHttpServletResponse;

class DownloadsTest {

    @Test
    void asciiNamesAppearInBothForms() {
        assertThat(Downloads.contentDisposition("report-2026.pdf"))
                .isEqualTo("attachment; filename=\"report-2026.pdf\"; filename*=UTF-8''report-2026.pdf");
    }

    @Test
    void chineseNamesArePercentEncodedAsUtf8() {
        String header = Downloads.contentDisposition("合同 v2.pdf");
        assertThat(header).isEqualTo("attachment; filename=\"__ v2.pdf\"; "
                + "filename*=UTF-8''%E5%90%88%E5%90%8C%20v2.pdf");
        // A standard parser gets the original name back.
        assertThat(ContentDisposition.parse(header).getFilename()).isEqualTo("合同 v2.pdf");
        assertThat(ContentDisposition.parse(header).isAttachment()).isTrue();
    }

    @Test
    void quotesBackslashesAndPercentSignsCannotBreakTheHeader() {
        String header = Downloads.contentDisposition("a\"b\\c%41;d'e.txt");
        assertThat(header).startsWith("attachment; filename=\"a_b_c_41;d'e.txt\"; filename*=UTF-8''");
        String encoded = header.substring(header.indexOf("''") + 2);
        assertThat(encoded).isEqualTo("a%22b%5Cc%2541%3Bd%27e.txt");
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo("a\"b\\c%41;d'e.txt");
    }

    @Test
    void sendsContentAsAnUncachedDownload() throws Exception {
        byte[] content = "%PDF-1.7 ...".getBytes(StandardCharsets.US_ASCII);
        AttachmentSummary summary = new AttachmentSummary(UUID.randomUUID(), "customer", UUID.randomUUID(),
                "报价单.pdf", "application/pdf", content.length, "00", UUID.randomUUID(), "王经理", Instant.now());
        MockHttpServletResponse response = new MockHttpServletResponse();
        Downloads.send(new AttachmentDownload(summary, new ByteArrayInputStream(content)), response);
        assertThat(response.getContentType()).isEqualTo("application/octet-stream");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("private, no-store");
        assertThat(response.getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"___.pdf\"; filename*=UTF-8''%E6%8A%A5%E4%BB%B7%E5%8D%95.pdf");
        assertThat(response.getContentLengthLong()).isEqualTo(content.length);
        assertThat(response.getContentAsByteArray()).isEqualTo(content);
    }
}
