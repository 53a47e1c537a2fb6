package org.openloop.crm.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openloop.crm.attachment.internal.Attachment;
import org.openloop.crm.attachment.internal.Attachments;
import org.openloop.crm.attachment.internal.FileKinds;
import org.openloop.crm.attachment.internal.LocalDirectoryStorage;
import org.openloop.crm.audit.AuditAction;
import org.openloop.crm.audit.AuditTrail;
import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.CrmPrincipal;
import org.openloop.crm.shared.RecordNotFoundException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.util.unit.DataSize;

/** Upload rules and the all-or-nothing storage of content, on a real directory with the database mocked. */
class AttachmentManagementTest {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<< >>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] HTML = "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path directory;

    final UUID userId = UUID.randomUUID();
    final UUID customerId = UUID.randomUUID();
    final Attachments attachments = mock(Attachments.class);
    final AuditTrail audit = mock(AuditTrail.class);
    final OrganizationManagement organization = mock(OrganizationManagement.class);
    final AttachableRecordType customers = mock(AttachableRecordType.class);
    AttachmentManagement management;

    record Principal(UUID userId, String username, String displayName) implements CrmPrincipal {
    }

    @BeforeEach
    void setUp() {
        when(customers.recordType()).thenReturn("customer");
        when(organization.names(any())).thenReturn(Map.of(userId, "李明"));
        PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);
        when(transactions.getTransaction(any())).thenReturn(new SimpleTransactionStatus());
        management = new AttachmentManagement(List.of(customers), attachments,
                new LocalDirectoryStorage(directory), new FileKinds(List.of("pdf", "png", "txt")), audit,
                organization, transactions, Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC),
                DataSize.ofKilobytes(1));
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new Principal(userId, "sales1", "李明"), null, List.of()));
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void storesContentUnderAGeneratedShardedNameAndRecordsTheUpload() throws IOException {
        AttachmentSummary summary = upload("../../合同.pdf", PDF);

        assertThat(summary.fileName()).isEqualTo("合同.pdf");
        assertThat(summary.contentType()).isEqualTo("application/pdf");
        assertThat(summary.size()).isEqualTo(PDF.length);
        assertThat(summary.uploadedByName()).isEqualTo("李明");
        String key = summary.id().toString();
        Path stored = directory.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
        assertThat(stored).hasBinaryContent(PDF);
        assertThat(files()).containsExactly(stored);
        verify(attachments).saveAndFlush(any(Attachment.class));
        verify(audit).record(AuditAction.UPDATE, "customer", customerId, "attachments", null, "合同.pdf", null);
    }

    @Test
    void refusesDisguisedEmptyUnknownAndOversizedFilesWithoutStoringAnything() {
        assertRefused("invoice.png", HTML, "attachment.error.content");
        assertRefused("invoice.txt", HTML, "attachment.error.content");
        assertRefused("notes.txt", new byte[0], "attachment.error.empty");
        assertRefused("setup.exe", PDF, "attachment.error.type");
        byte[] large = new byte[2048];
        System.arraycopy(PDF, 0, large, 0, PDF.length);
        assertRefused("big.pdf", large, "attachment.error.tooLarge");
        // A client that understates the size is caught while the content is copied.
        assertThatThrownBy(() -> management.upload("customer", customerId, "big.pdf", 10,
                new ByteArrayInputStream(large))).isInstanceOf(BusinessRuleException.class)
                .extracting(e -> ((BusinessRuleException) e).messageKey()).isEqualTo("attachment.error.tooLarge");
        assertThat(files()).isEmpty();
        verify(attachments, never()).saveAndFlush(any());
    }

    @Test
    void removesTheContentAgainWhenTheMetadataCannotBeSaved() {
        when(attachments.saveAndFlush(any())).thenThrow(new DataIntegrityViolationException("boom"));
        assertThatThrownBy(() -> upload("合同.pdf", PDF)).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(files()).isEmpty();
    }

    @Test
    void storesNothingForARecordTheUserMayNotEdit() {
        doThrow(new RecordNotFoundException("customer", customerId)).when(customers).checkEditable(customerId);
        assertThatThrownBy(() -> upload("合同.pdf", PDF)).isInstanceOf(RecordNotFoundException.class);
        doThrow(new AccessDeniedException("customer:edit")).when(customers).checkEditable(customerId);
        assertThatThrownBy(() -> upload("合同.pdf", PDF)).isInstanceOf(AccessDeniedException.class);
        assertThat(files()).isEmpty();
        verify(audit, never()).record(any(), anyString(), any(), anyString(), any(), any(), isNull());
    }

    @Test
    void anAttachmentOfAnInvisibleRecordIsNotFound() {
        UUID id = UUID.randomUUID();
        when(attachments.findById(id)).thenReturn(java.util.Optional.of(new Attachment(id, "customer", customerId,
                "a.pdf", "application/pdf", 3, "00", id.toString(), userId, Instant.now())));
        doThrow(new RecordNotFoundException("customer", customerId)).when(customers).checkReadable(customerId);
        assertThatThrownBy(() -> management.open(id)).isInstanceOf(RecordNotFoundException.class)
                .extracting(e -> ((RecordNotFoundException) e).type()).isEqualTo("attachment");
        assertThatThrownBy(() -> management.delete(id)).isInstanceOf(RecordNotFoundException.class);
        verify(attachments, never()).delete(any());
        verify(audit, never()).record(eq(AuditAction.DOWNLOAD), anyString(), any(), any(), any(), any(), any());
    }

    @Test
    void formatsSizesForPeople() {
        assertThat(AttachmentManagement.displaySize(512)).isEqualTo("512 B");
        assertThat(AttachmentManagement.displaySize(1536)).isEqualTo("1.5 KB");
        assertThat(AttachmentManagement.displaySize(20L * 1024 * 1024)).isEqualTo("20 MB");
        assertThat(AttachmentManagement.displaySize(150L * 1024 * 1024)).isEqualTo("150 MB");
    }

    private AttachmentSummary upload(String name, byte[] content) throws IOException {
        return management.upload("customer", customerId, name, content.length, new ByteArrayInputStream(content));
    }

    private void assertRefused(String name, byte[] content, String key) {
        assertThatThrownBy(() -> upload(name, content)).isInstanceOf(BusinessRuleException.class)
                .extracting(e -> ((BusinessRuleException) e).messageKey()).isEqualTo(key);
    }

    private List<Path> files() {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).toList();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
