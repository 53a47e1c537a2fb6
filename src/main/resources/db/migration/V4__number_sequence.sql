-- Human-readable record numbers (客户编号 KH…, 协作任务 X…): one counter per name and period, incremented
-- atomically so numbers stay unique when records are created concurrently.
create table number_sequence (
    name       varchar(50) not null,
    period     varchar(20) not null,
    next_value bigint      not null,
    primary key (name, period)
);
