package org.openloop.crm.comment;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.openloop.crm.comment.internal.CommentNotices;
import org.openloop.crm.comment.internal.RecordComment;
import org.openloop.crm.comment.internal.RecordComments;
import org.openloop.crm.notification.Notifications;
import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.organization.UserSummary;
import org.openloop.crm.shared.Authorities;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.CrmPrincipal;
import org.openloop.crm.shared.RecordNotFoundException;
import org.openloop.crm.shared.VersionConflictException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments on any record (E8). Reading and writing them is reading the record, as its module decides
 * ({@link CommentableRecordType}). {@code @username} tells that user, in the same transaction, only when they may
 * read the record themselves, so a mention never reveals a record to someone outside its scope. Authors may edit
 * their own comments and delete them (administrators may delete any they can see), while they can read the record.
 */
@Service
public class CommentManagement {

    static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_.])@([A-Za-z0-9_.-]{2,50})");

    private final Map<String, CommentableRecordType> types;
    private final RecordComments comments;
    private final OrganizationManagement organization;
    private final Notifications notifications;
    private final Clock clock;

    CommentManagement(List<CommentableRecordType> types, RecordComments comments,
            OrganizationManagement organization, Notifications notifications, Clock clock) {
        this.types = types.stream().collect(Collectors.toMap(CommentableRecordType::recordType, Function.identity()));
        this.comments = comments;
        this.organization = organization;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<CommentView> commentsOn(String recordType, UUID recordId) {
        type(recordType, recordId).checkReadable(recordId);
        List<RecordComment> found = comments.findTop200ByRecordTypeAndRecordIdOrderByCreatedAtAscIdAsc(recordType,
                recordId);
        Map<UUID, String> names = organization.names(found.stream().map(RecordComment::getAuthorId)
                .collect(Collectors.toSet()));
        return found.stream().map(c -> view(c, names.get(c.getAuthorId()))).toList();
    }

    /** Adds a comment and tells the mentioned users who may read the record. */
    @Transactional
    public CommentView add(String recordType, UUID recordId, String text) {
        CommentableRecordType type = type(recordType, recordId);
        type.checkReadable(recordId);
        String trimmed = validText(text);
        UUID author = currentUser();
        RecordComment comment = comments.save(new RecordComment(recordType, recordId, author, trimmed,
                clock.instant()));
        notifyMentioned(type, recordId, author, mentions(trimmed));
        return view(comment, organization.names(List.of(author)).get(author));
    }

    /**
     * Changes the text of the caller's own comment on a record they may still read (404 otherwise, 403 for someone
     * else's comment), under the same rules as {@link #add}. {@code expectedVersion} ({@code null}: not checked) is
     * the version the caller edited: a different one answers 409, or 412 when it came in {@code If-Match}. Only
     * users newly mentioned by the edit are told; the change is in the audit trail (old → new text).
     */
    @Transactional
    public CommentView edit(UUID commentId, String text, Long expectedVersion, boolean versionFromIfMatch) {
        RecordComment comment = readable(commentId);
        UUID author = currentUser();
        if (!comment.getAuthorId().equals(author)) {
            throw new AccessDeniedException("not the author of comment " + commentId);
        }
        VersionConflictException.check("comment", commentId, expectedVersion, comment.getVersion(),
                versionFromIfMatch);
        String trimmed = validText(text);
        Set<String> before = mentions(comment.getText());
        if (comment.edit(trimmed, clock.instant())) {
            comments.saveAndFlush(comment);
            Set<String> added = new LinkedHashSet<>(mentions(trimmed));
            added.removeAll(before);
            notifyMentioned(types.get(comment.getRecordType()), comment.getRecordId(), author, added);
        }
        return view(comment, organization.names(List.of(author)).get(author));
    }

    /**
     * Deletes a comment on a record the caller may read (404 otherwise): its author may, and so may an
     * administrator; anyone else gets 403. The deletion is in the audit trail.
     */
    @Transactional
    public void delete(UUID commentId) {
        RecordComment comment = readable(commentId);
        if (!mayDelete(comment.getAuthorId())) {
            throw new AccessDeniedException("may not delete comment " + commentId);
        }
        comments.delete(comment);
        comments.flush();
    }

    /** Whether the caller may edit a comment they can see: only its author may. */
    public boolean mayEdit(CommentView comment) {
        return CrmPrincipal.current().map(p -> p.userId().equals(comment.authorId())).orElse(false);
    }

    /** Whether the caller may delete a comment they can see: its author or an administrator. */
    public boolean mayDelete(CommentView comment) {
        return mayDelete(comment.authorId());
    }

    /** One comment, for the caller to edit on a record they may read (404 otherwise). */
    @Transactional(readOnly = true)
    public CommentView comment(UUID commentId) {
        RecordComment comment = readable(commentId);
        return view(comment, organization.names(List.of(comment.getAuthorId())).get(comment.getAuthorId()));
    }

    /** The page of a record the caller may read, for going back after commenting. */
    @Transactional(readOnly = true)
    public String linkOf(String recordType, UUID recordId) {
        CommentableRecordType type = type(recordType, recordId);
        type.checkReadable(recordId);
        return type.link(recordId);
    }

    /** The usernames mentioned in a text. */
    static Set<String> mentions(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = MENTION.matcher(text);
        while (matcher.find()) {
            String name = matcher.group(1);
            while (name.endsWith(".") || name.endsWith("-")) {
                name = name.substring(0, name.length() - 1);
            }
            names.add(name);
        }
        return names;
    }

    private RecordComment readable(UUID commentId) {
        RecordComment comment = comments.findById(commentId)
                .orElseThrow(() -> new RecordNotFoundException("comment", commentId));
        type(comment.getRecordType(), comment.getRecordId()).checkReadable(comment.getRecordId());
        return comment;
    }

    private static String validText(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty() || trimmed.length() > 4000) {
            throw BusinessRuleException.onField("text", "comment.text.invalid");
        }
        return trimmed;
    }

    /** Tells the mentioned active users other than the author, each only if they may read the record. */
    private void notifyMentioned(CommentableRecordType type, UUID recordId, UUID author, Set<String> mentioned) {
        if (mentioned.isEmpty()) {
            return;
        }
        String authorName = organization.names(List.of(author)).getOrDefault(author, "—");
        String label = type.label(recordId);
        for (UserSummary user : organization.activeUsers()) {
            if (mentioned.contains(user.username()) && !user.id().equals(author)
                    && type.canRead(user.id(), recordId)) {
                notifications.notify(user.id(), CommentNotices.MENTIONED, "comment.notice.mentioned",
                        List.of(authorName, label), type.link(recordId));
            }
        }
    }

    private static boolean mayDelete(UUID authorId) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean admin = authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> Authorities.ADMIN.equals(a.getAuthority()));
        return admin || CrmPrincipal.current().map(p -> p.userId().equals(authorId)).orElse(false);
    }

    private static UUID currentUser() {
        return CrmPrincipal.current().map(CrmPrincipal::userId)
                .orElseThrow(() -> new AccessDeniedException("not signed in"));
    }

    private CommentableRecordType type(String recordType, UUID recordId) {
        CommentableRecordType type = recordType == null ? null : types.get(recordType);
        if (type == null) {
            throw new RecordNotFoundException(recordType == null ? "record" : recordType, recordId);
        }
        return type;
    }

    private static CommentView view(RecordComment c, String authorName) {
        return new CommentView(c.getId(), c.getRecordType(), c.getRecordId(), c.getAuthorId(), authorName,
                c.getText(), c.getCreatedAt(), c.getEditedAt(), c.getVersion());
    }
}
