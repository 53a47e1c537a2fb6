-- Saved list views (B1): a user's named filter and sort combinations for a list page.
create table saved_list_view (
    id         uuid primary key,
    user_id    uuid         not null,
    list_key   varchar(40)  not null,
    name       varchar(60)  not null,
    filters    varchar(4000) not null,
    created_at timestamp with time zone not null,
    constraint uq_saved_list_view_name unique (user_id, list_key, name)
);
