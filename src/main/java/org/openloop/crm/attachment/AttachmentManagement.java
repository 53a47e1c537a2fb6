package org.openloop.crm.attachment;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.openloop.crm.attachment.internal.Attachment;
import org.openloop.crm.attachment.internal.Attachments;
import org.openloop.crm.attachment.internal.FileKinds;
import org.openloop.crm.attachment.internal.FileNames;
import org.openloop.crm.audit.AuditAction;
import org.openloop.crm.audit.AuditTrail;
import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.CrmPrincipal;
import org.openloop.crm.shared.InvalidQueryException;
import org.openloop.crm.shared.RecordNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Attachments of any record type (B8). Every method first asks the owning record's module, through its
 * {@link AttachableRecordType}, whether the current user may read (list, view, download) or edit (upload, delete)
 * that record, so scope (A3) and permissions (A2) of the record apply unchanged: a record the user cannot see
 * answers 404, and so do its attachments.
 * <p>
 * Uploads are checked before anything is stored: not empty, not larger than {@code crm.attachments.max-size}, an
 * allowed extension, and content whose magic bytes match that extension. Uploads and deletes are written to the
 * owning record's history (A6); downloads to the audit trail.
 */
@Service
public class AttachmentManagement {

    private static final Logger LOG = LoggerFactory.getLogger(AttachmentManagement.class);

    /** The field name under which uploads and deletes appear in the owning record's history. */
    public static final String HISTORY_FIELD = "attachments";

    private final Map<String, AttachableRecordType> recordTypes;
    private final Attachments attachments;
    private final AttachmentStorage storage;
    private final FileKinds kinds;
    private final AuditTrail audit;
    private final OrganizationManagement organization;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final DataSize maxSize;

    AttachmentManagement(List<AttachableRecordType> recordTypes, Attachments attachments, AttachmentStorage storage,
            FileKinds kinds, AuditTrail audit, OrganizationManagement organization,
            PlatformTransactionManager transactionManager, Clock clock,
            @Value("${crm.attachments.max-size:20MB}") DataSize maxSize) {
        this.recordTypes = recordTypes.stream()
                .collect(Collectors.toUnmodifiableMap(AttachableRecordType::recordType, Function.identity()));
        this.attachments = attachments;
        this.storage = storage;
        this.kinds = kinds;
        this.audit = audit;
        this.organization = organization;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.maxSize = maxSize;
    }

    /** The attachments of a record the caller may see, newest first. */
    public List<AttachmentSummary> list(String recordType, UUID recordId) {
        recordType(recordType).checkReadable(recordId);
        return summaries(attachments.findByRecordTypeAndRecordIdOrderByCreatedAtDescIdDesc(recordType, recordId));
    }

    /** One attachment, if the caller may see its record. */
    public AttachmentSummary attachment(UUID id) {
        Attachment attachment = readable(id);
        return summaries(List.of(attachment)).get(0);
    }

    /** Whether the caller may upload to and delete from the record's attachments (for showing the controls). */
    public boolean canEdit(String recordType, UUID recordId) {
        try {
            recordType(recordType).checkEditable(recordId);
            return true;
        }
        catch (RecordNotFoundException | AccessDeniedException e) {
            return false;
        }
    }

    /**
     * Attaches a file to a record the caller may edit.
     *
     * @param fileName the name the client sent; only its sanitised last path segment is kept, as metadata
     * @param declaredSize the size the client declared, or -1 if unknown; the stored size is checked again
     * @throws BusinessRuleException (422) for an empty, too large, disallowed or disguised file
     */
    public AttachmentSummary upload(String recordType, UUID recordId, String fileName, long declaredSize,
            InputStream content) throws IOException {
        recordType(recordType).checkEditable(recordId);
        String name = FileNames.sanitise(fileName);
        if (declaredSize == 0) {
            throw BusinessRuleException.onField("file", "attachment.error.empty");
        }
        if (declaredSize > maxSize.toBytes()) {
            throw tooLarge();
        }
        FileKinds.Kind kind = kinds.forName(name).orElseThrow(() -> BusinessRuleException.onField("file",
                "attachment.error.type", String.join(", ", kinds.extensions())));
        BufferedInputStream buffered = new BufferedInputStream(content, FileKinds.sniffLength() + 1);
        String sniffed = FileKinds.sniff(buffered);
        if (!FileKinds.accepts(kind, sniffed)) {
            LOG.info("Refused upload of '{}' to {} {}: content sniffed as {}", name, recordType, recordId, sniffed);
            throw BusinessRuleException.onField("file", "attachment.error.content", "." + FileNames.extension(name));
        }

        UUID id = UUID.randomUUID();
        String key = id.toString();
        MessageDigest digest = sha256();
        LimitedInputStream limited = new LimitedInputStream(new DigestInputStream(buffered, digest),
                maxSize.toBytes());
        long size;
        try {
            size = storage.write(key, limited);
        }
        catch (IOException e) {
            storage.delete(key);
            if (limited.exceeded) {
                throw tooLarge();
            }
            throw e;
        }
        if (size == 0) {
            storage.delete(key);
            throw BusinessRuleException.onField("file", "attachment.error.empty");
        }
        UUID uploader = CrmPrincipal.current().map(CrmPrincipal::userId).orElseThrow();
        Attachment attachment = new Attachment(id, recordType, recordId, name, kind.contentType(), size,
                HexFormat.of().formatHex(digest.digest()), key, uploader, clock.instant());
        try {
            transactions.executeWithoutResult(status -> {
                attachments.saveAndFlush(attachment);
                audit.record(AuditAction.UPDATE, recordType, recordId, HISTORY_FIELD, null, name, null);
            });
        }
        catch (RuntimeException e) {
            // The metadata never made it: the content must not stay behind as an orphan.
            deleteQuietly(key);
            throw e;
        }
        return summaries(List.of(attachment)).get(0);
    }

    /** Opens an attachment of a record the caller may see; the download is recorded in the audit trail. */
    public AttachmentDownload open(UUID id) throws IOException {
        Attachment attachment = readable(id);
        InputStream content;
        try {
            content = storage.open(attachment.getStorageKey());
        }
        catch (NoSuchFileException e) {
            LOG.warn("Content of attachment {} is missing from storage", id);
            throw new RecordNotFoundException("attachment", id);
        }
        audit.record(AuditAction.DOWNLOAD, "attachment", id, null, null, null,
                attachment.getRecordType() + " " + attachment.getRecordId() + ": " + attachment.getFileName());
        return new AttachmentDownload(summaries(List.of(attachment)).get(0), content);
    }

    /** Deletes an attachment of a record the caller may edit; the content goes once the metadata is gone. */
    public AttachmentSummary delete(UUID id) {
        Attachment attachment = readable(id);
        recordType(attachment.getRecordType()).checkEditable(attachment.getRecordId());
        AttachmentSummary summary = summaries(List.of(attachment)).get(0);
        transactions.executeWithoutResult(status -> {
            attachments.delete(attachments.findById(id).orElseThrow(() -> new RecordNotFoundException("attachment",
                    id)));
            audit.record(AuditAction.UPDATE, attachment.getRecordType(), attachment.getRecordId(), HISTORY_FIELD,
                    attachment.getFileName(), null, null);
        });
        deleteQuietly(attachment.getStorageKey());
        return summary;
    }

    /** The largest file accepted ({@code crm.attachments.max-size}). */
    public DataSize maxSize() {
        return maxSize;
    }

    /** The extensions that may be uploaded ({@code crm.attachments.allowed-types}). */
    public List<String> allowedExtensions() {
        return kinds.extensions();
    }

    private Attachment readable(UUID id) {
        Attachment attachment = attachments.findById(id)
                .orElseThrow(() -> new RecordNotFoundException("attachment", id));
        AttachableRecordType type = recordTypes.get(attachment.getRecordType());
        if (type == null) {
            throw new RecordNotFoundException("attachment", id);
        }
        try {
            type.checkReadable(attachment.getRecordId());
        }
        catch (RecordNotFoundException e) {
            // Say "no such attachment", not "no such customer": the caller asked for the attachment.
            throw new RecordNotFoundException("attachment", id);
        }
        return attachment;
    }

    private AttachableRecordType recordType(String recordType) {
        AttachableRecordType type = recordType == null ? null : recordTypes.get(recordType);
        if (type == null) {
            throw new InvalidQueryException("recordType", "attachment.error.recordType", String.valueOf(recordType));
        }
        return type;
    }

    private BusinessRuleException tooLarge() {
        return BusinessRuleException.onField("file", "attachment.error.tooLarge", displaySize(maxSize.toBytes()));
    }

    private List<AttachmentSummary> summaries(List<Attachment> list) {
        Map<UUID, String> names = organization.names(list.stream().map(Attachment::getUploadedBy)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        return list.stream().map(a -> new AttachmentSummary(a.getId(), a.getRecordType(), a.getRecordId(),
                a.getFileName(), a.getContentType(), a.getSize(), a.getSha256(), a.getUploadedBy(),
                names.get(a.getUploadedBy()), a.getCreatedAt())).toList();
    }

    private void deleteQuietly(String key) {
        try {
            storage.delete(key);
        }
        catch (IOException | RuntimeException e) {
            LOG.warn("Could not remove attachment content {}; remove it by hand", key, e);
        }
    }

    /** A size for people: {@code 512 B}, {@code 12.3 KB}, {@code 20 MB}. */
    public static String displaySize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = { "KB", "MB", "GB", "TB" };
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = value >= 100 || value == Math.rint(value) ? String.valueOf(Math.round(value))
                : String.format(java.util.Locale.ROOT, "%.1f", value);
        return number + " " + units[unit];
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fails the copy once more than {@code limit} bytes have been read, whatever size the client declared. */
    private static final class LimitedInputStream extends FilterInputStream {

        private final long limit;
        private long count;
        boolean exceeded;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) throws IOException {
            count += n;
            if (count > limit) {
                exceeded = true;
                throw new IOException("Attachment larger than " + limit + " bytes");
            }
        }
    }
}
