-- A1/A2: departments as a tree, users, roles with module permissions and a data scope.
create table department (
    id             uuid primary key,
    name           varchar(100) not null,
    parent_id      uuid references department (id),
    coordinator_id uuid,
    sort_order     integer not null default 0,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    version        bigint  not null default 0
);
create index ix_department_parent on department (parent_id);

create table app_role (
    id             uuid primary key,
    code           varchar(50)  not null unique,
    name           varchar(100) not null,
    built_in       boolean      not null,
    data_scope     varchar(20)  not null,
    view_sensitive boolean      not null,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    version        bigint       not null default 0
);

create table role_permission (
    role_id    uuid        not null references app_role (id) on delete cascade,
    permission varchar(60) not null,
    primary key (role_id, permission)
);

create table app_user (
    id            uuid primary key,
    username      varchar(50)  not null unique,
    display_name  varchar(100) not null,
    email         varchar(200),
    phone         varchar(40),
    password_hash varchar(200) not null,
    department_id uuid references department (id),
    manager_id    uuid references app_user (id),
    active        boolean      not null default true,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    version       bigint       not null default 0
);
create index ix_app_user_department on app_user (department_id);
create index ix_app_user_display_name on app_user (display_name, id);
create index ix_app_user_manager on app_user (manager_id);

alter table department add constraint fk_department_coordinator foreign key (coordinator_id) references app_user (id);

create table user_role (
    user_id uuid not null references app_user (id),
    role_id uuid not null references app_role (id),
    primary key (user_id, role_id)
);
create index ix_user_role_role on user_role (role_id);
