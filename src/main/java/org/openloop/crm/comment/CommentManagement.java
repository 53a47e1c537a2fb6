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
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.CrmPrincipal;
import org.openloop.crm.shared.RecordNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments on any record (E8). Reading and writing them is reading the record, as its module decides
 * ({@link CommentableRecordType}). {@code @username} tells that user, in the same transaction, only when they may
 * read the record themselves, so a mention never reveals a record to someone outside its scope.
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
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty() || trimmed.length() > 4000) {
            throw BusinessRuleException.onField("text", "comment.text.invalid");
        }
        UUID author = CrmPrincipal.current().map(CrmPrincipal::userId).orElseThrow();
        RecordComment comment = comments.save(new RecordComment(recordType, recordId, author, trimmed,
                clock.instant()));
        Set<String> mentioned = mentions(trimmed);
        if (!mentioned.isEmpty()) {
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
        return view(comment, organization.names(List.of(author)).get(author));
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

    private CommentableRecordType type(String recordType, UUID recordId) {
        CommentableRecordType type = recordType == null ? null : types.get(recordType);
        if (type == null) {
            throw new RecordNotFoundException(recordType == null ? "record" : recordType, recordId);
        }
        return type;
    }

    private static CommentView view(RecordComment c, String authorName) {
        return new CommentView(c.getId(), c.getRecordType(), c.getRecordId(), c.getAuthorId(), authorName,
                c.getText(), c.getCreatedAt());
    }
}
