package org.openloop.crm.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.notification.internal.Notification;
import org.openloop.crm.notification.internal.NotificationEntries;
import org.openloop.crm.notification.internal.NotificationPreferenceEntries;
import org.openloop.crm.notification.internal.NotificationPreferenceEntry;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.CrmPrincipal;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.ListQuery;
import org.openloop.crm.shared.ListQuery.Match;
import org.openloop.crm.shared.ListRequest;
import org.openloop.crm.shared.RecordNotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification centre's API (K1). {@link #notify} is for modules: it stores the notification in the caller's
 * transaction (so a rolled-back change notifies nobody) and, if the recipient wants e-mail, sends it after commit.
 * The other methods serve the signed-in user's own notifications and preferences; another user's notification is
 * "not found". A module must only notify users who may see the record it links to.
 */
@Service
public class Notifications {

    static final ListQuery<Notification> QUERY = ListQuery.of(Notification.class)
            .sortable("createdAt", Instant.class)
            .filter("type", String.class, Match.EQUALS)
            .defaultSort("-createdAt")
            .build();

    /** Marks a label argument: a control character that typed text does not contain. */
    private static final String LABEL = "\u0002";

    private final NotificationEntries entries;
    private final NotificationPreferenceEntries preferences;
    private final Map<String, NotificationType> types = new LinkedHashMap<>();
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;

    Notifications(NotificationEntries entries, NotificationPreferenceEntries preferences, List<NotificationType> types,
            ApplicationEventPublisher events, MessageSource messages, Clock clock) {
        this.entries = entries;
        this.preferences = preferences;
        types.stream().sorted(java.util.Comparator.comparing(NotificationType::key))
                .forEach(type -> this.types.put(type.key(), type));
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Tells {@code userId} about something: {@code messageKey} with {@code arguments} is the text (rendered in the
     * reader's language), {@code link} an application path such as {@code /customers/…}.
     */
    @Transactional
    public void notify(UUID userId, String type, String messageKey, List<String> arguments, String link) {
        if (!types.containsKey(type)) {
            throw new IllegalArgumentException("undeclared notification type " + type);
        }
        if (link != null && (!link.startsWith("/") || link.startsWith("//"))) {
            throw new IllegalArgumentException("notification links are application paths: " + link);
        }
        NotificationChannel channel = channelOf(userId, type);
        String joined = arguments == null || arguments.isEmpty() ? null
                : String.join(Notification.SEPARATOR, arguments.stream()
                        .map(a -> a == null ? "" : a.replace(Notification.SEPARATOR, " ")).toList());
        Notification notification = new Notification(userId, type, messageKey, joined, link, clock.instant());
        if (channel.inApp()) {
            entries.save(notification);
        }
        if (channel.email()) {
            events.publishEvent(new NotificationEmailRequested(notification.getId(), userId, messageKey,
                    arguments == null ? List.of() : List.copyOf(arguments), link));
        }
    }

    /** The declared notification types, by key. */
    public List<NotificationType> types() {
        return List.copyOf(types.values());
    }

    @Transactional(readOnly = true)
    public long unreadCount() {
        return entries.countByUserIdAndReadAtIsNull(currentUser());
    }

    /** The signed-in user's notifications, newest first; {@code unread=true} keeps the unread ones. */
    @Transactional(readOnly = true)
    public CursorPage<NotificationView> mine(ListRequest request) {
        UUID user = currentUser();
        boolean unreadOnly = "true".equals(request.filters().get("unread"));
        Map<String, String> filters = new LinkedHashMap<>(request.filters());
        filters.remove("unread");
        ListRequest declared = new ListRequest(request.cursor(), request.size(), request.sort(), request.q(), filters);
        Specification<Notification> own = (root, query, cb) -> unreadOnly
                ? cb.and(cb.equal(root.get("userId"), user), cb.isNull(root.get("readAt")))
                : cb.equal(root.get("userId"), user);
        return QUERY.page(entries, declared, own).map(this::view);
    }

    /** Marks one of the user's notifications read and returns it (with the link to follow). */
    @Transactional
    public NotificationView markRead(UUID id) {
        Notification notification = entries.findByIdAndUserId(id, currentUser())
                .orElseThrow(() -> new RecordNotFoundException("notification", id));
        notification.markRead(clock.instant());
        return view(notification);
    }

    @Transactional
    public int markAllRead() {
        return entries.markAllRead(currentUser(), clock.instant());
    }

    /** Every declared type with the signed-in user's channel for it (the type's default when never chosen). */
    @Transactional(readOnly = true)
    public List<NotificationPreference> preferences() {
        Map<String, NotificationChannel> chosen = new LinkedHashMap<>();
        preferences.findByUserId(currentUser()).forEach(p -> chosen.put(p.getType(), p.getChannel()));
        return types.values().stream()
                .map(t -> new NotificationPreference(t.key(), chosen.getOrDefault(t.key(), t.defaultChannel())))
                .toList();
    }

    @Transactional
    public NotificationPreference choose(String type, NotificationChannel channel) {
        if (type == null || !types.containsKey(type)) {
            throw BusinessRuleException.onField("type", "notification.type.unknown", String.valueOf(type));
        }
        if (channel == null) {
            throw BusinessRuleException.onField("channel", "notification.channel.required");
        }
        UUID user = currentUser();
        preferences.findById(new NotificationPreferenceEntry.Key(user, type))
                .ifPresentOrElse(p -> p.choose(channel),
                        () -> preferences.save(new NotificationPreferenceEntry(user, type, channel)));
        return new NotificationPreference(type, channel);
    }

    /** Marks an argument of {@link #notify} as a message key, shown in the reader's language (a field's label). */
    public static String label(String messageKey) {
        return LABEL + messageKey;
    }

    /** The text of a notification in the current language. */
    public String render(String messageKey, List<String> arguments) {
        return render(messages, messageKey, arguments, LocaleContextHolder.getLocale());
    }

    /** The text of a notification in {@code locale}, for the e-mail copy. */
    public static String render(MessageSource messages, String messageKey, List<String> arguments,
            java.util.Locale locale) {
        Object[] resolved = arguments.stream().map(a -> a != null && a.startsWith(LABEL)
                ? messages.getMessage(a.substring(LABEL.length()), null, a.substring(LABEL.length()), locale)
                : a).toArray();
        return messages.getMessage(messageKey, resolved, messageKey, locale);
    }

    private NotificationChannel channelOf(UUID userId, String type) {
        return preferences.findById(new NotificationPreferenceEntry.Key(userId, type))
                .map(NotificationPreferenceEntry::getChannel).orElse(types.get(type).defaultChannel());
    }

    private NotificationView view(Notification n) {
        List<String> arguments = n.getArguments() == null ? List.of()
                : List.of(n.getArguments().split(Notification.SEPARATOR, -1));
        return new NotificationView(n.getId(), n.getType(), render(n.getMessageKey(), arguments), n.getLink(),
                n.getCreatedAt(), n.getReadAt() != null);
    }

    private static UUID currentUser() {
        return CrmPrincipal.current().map(CrmPrincipal::userId)
                .orElseThrow(() -> new AccessDeniedException("not signed in"));
    }
}
