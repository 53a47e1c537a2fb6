package org.openloop.crm.notification.internal;

import java.io.Serializable;
import java.util.UUID;

import org.openloop.crm.notification.NotificationChannel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A user's chosen channel for one notification type; absent means the type's default. */
@Entity
@Table(name = "notification_preference")
@IdClass(NotificationPreferenceEntry.Key.class)
public class NotificationPreferenceEntry {

    /** The composite key: user and type. */
    public static class Key implements Serializable {

        private UUID userId;
        private String type;

        public Key() {
        }

        public Key(UUID userId, String type) {
            this.userId = userId;
            this.type = type;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && java.util.Objects.equals(userId, key.userId)
                    && java.util.Objects.equals(type, key.type);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(userId, type);
        }
    }

    @Id
    @Column(name = "user_id")
    private UUID userId;
    @Id
    private String type;
    @Enumerated(EnumType.STRING)
    private NotificationChannel channel;

    protected NotificationPreferenceEntry() {
    }

    public NotificationPreferenceEntry(UUID userId, String type, NotificationChannel channel) {
        this.userId = userId;
        this.type = type;
        this.channel = channel;
    }

    public void choose(NotificationChannel channel) {
        this.channel = channel;
    }

    public UUID getUserId() {
        return userId;
    }

    public String getType() {
        return type;
    }

    public NotificationChannel getChannel() {
        return channel;
    }
}
