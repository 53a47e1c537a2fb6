-- Notification centre (K1): in-app notifications and each user's channel per notification type.
create table notification (
    id          uuid primary key,
    user_id     uuid          not null,
    type        varchar(60)   not null,
    message_key varchar(120)  not null,
    arguments   varchar(2000),
    link        varchar(300),
    created_at  timestamp with time zone not null,
    read_at     timestamp with time zone
);
create index ix_notification_user on notification (user_id, created_at, id);
create index ix_notification_unread on notification (user_id, read_at);

create table notification_preference (
    user_id uuid        not null,
    type    varchar(60) not null,
    channel varchar(10) not null,
    primary key (user_id, type)
);
