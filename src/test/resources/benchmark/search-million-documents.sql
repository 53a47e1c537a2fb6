-- The table behind "Search at a million documents" in docs/benchmarks.md: 1 000 000 search documents built in
-- SQL with the terms of SearchTerms (characters, pairs, digit quads), then the plans of the queries ArraySearchStore
-- runs. Run against an empty scratch database: psql -h 127.0.0.1 -U postgres -d <scratch> -f <this file>
create table search_document (
    record_type    varchar(40)   not null,
    record_id      uuid          not null,
    owner_id       uuid,
    department_id  uuid,
    title          varchar(300)  not null,
    subtitle       varchar(300),
    path           varchar(300)  not null,
    archived       boolean       not null default false,
    public_text    varchar(4000) not null,
    sensitive_text varchar(4000) not null,
    updated_at     timestamp with time zone not null,
    primary key (record_type, record_id)
);
create index ix_search_document_owner on search_document (owner_id);
create index ix_search_document_department on search_document (department_id);
alter table search_document add column public_terms text[] not null default '{}';
alter table search_document add column sensitive_terms text[] not null default '{}';
create function terms(t text) returns text[] language sql immutable as $$
 select array(select distinct x from (
   select substr(t,k,1) x from generate_series(1,length(t)) k
   union all select substr(t,k,2) from generate_series(1,length(t)-1) k
   union all select substr(t,k,4) from generate_series(1,length(t)-3) k where substr(t,k,4) ~ '^[0-9]{4}$') s) $$;
insert into search_document
select case when i % 4 = 0 then 'contact' else 'customer' end, gen_random_uuid(),
       ('00000000-0000-0000-0000-00000000000' || (i % 3))::uuid, ('00000000-0000-0000-0000-10000000000' || (i % 3))::uuid,
       n, null, '/customers/x', i % 50 = 0, chr(31)||n||chr(31)||'c'||i||chr(31), chr(31)||m||chr(31),
       now() - (i || ' seconds')::interval, terms(n) || terms('c'||i), terms(m)
from (select i, (array['杭州','上海','北京'])[i % 3 + 1] || '第' || i || (array['科技','贸易','制造','物流'])[i % 4 + 1] || '有限公司' n,
             '139' || lpad((floor(random()*100000000))::int::text, 8, '0') m
      from generate_series(1, 1000000) i) g;
create index ix_search_document_public_terms on search_document using gin (public_terms);
create index ix_search_document_sensitive_terms on search_document using gin (sensitive_terms);
create index ix_search_document_recent on search_document (archived, updated_at desc, record_id);
analyze search_document;
\timing on
select count(*) filter (where public_terms @> '{杭}') from search_document;
-- 1: one character matching a third, company scope, with sensitive right
explain (analyze, buffers) select record_type, record_id, title, subtitle, path, archived from search_document d
where d.record_type in ('customer','contact','opportunity')
and ((d.public_terms @> '{杭}' and d.public_text like '%杭%') or (d.sensitive_terms @> '{杭}' and d.sensitive_text like '%杭%'))
order by d.archived, d.updated_at desc, d.record_id limit 50;
-- 2: same, own scope
explain (analyze, buffers) select record_type, record_id, title, subtitle, path, archived from search_document d
where d.record_type in ('customer','contact','opportunity')
and ((d.public_terms @> '{杭}' and d.public_text like '%杭%') or (d.sensitive_terms @> '{杭}' and d.sensitive_text like '%杭%'))
and (d.owner_id = '00000000-0000-0000-0000-000000000001')
order by d.archived, d.updated_at desc, d.record_id limit 50;
-- 3: rare: a customer number
explain (analyze, buffers) select record_type, record_id, title, subtitle, path, archived from search_document d
where d.record_type in ('customer','contact','opportunity')
and ((d.public_terms @> '{c1,12,23,34,45,56}' and d.public_text like '%c123456%') or (d.sensitive_terms @> '{c1,12,23,34,45,56}' and d.sensitive_text like '%c123456%'))
order by d.archived, d.updated_at desc, d.record_id limit 50;
-- 4: four phone digits
explain (analyze, buffers) select record_type, record_id, title, subtitle, path, archived from search_document d
where d.record_type in ('customer','contact','opportunity')
and ((d.public_terms @> '{5678}' and d.public_text like '%5678%') or (d.sensitive_terms @> '{5678}' and d.sensitive_text like '%5678%'))
and (d.owner_id = '00000000-0000-0000-0000-000000000001')
order by d.archived, d.updated_at desc, d.record_id limit 50;
-- 5: absent term
explain (analyze, buffers) select record_type, record_id, title, subtitle, path, archived from search_document d
where d.record_type in ('customer','contact','opportunity')
and ((d.public_terms @> '{鑫}' and d.public_text like '%鑫%') or (d.sensitive_terms @> '{鑫}' and d.sensitive_text like '%鑫%'))
order by d.archived, d.updated_at desc, d.record_id limit 50;
-- 6: two characters in every document
explain (analyze, buffers) select record_type, record_id, title, subtitle, path, archived from search_document d
where d.record_type in ('customer','contact','opportunity')
and ((d.public_terms @> '{公司}' and d.public_text like '%公司%'))
and (d.owner_id = '00000000-0000-0000-0000-000000000002')
order by d.archived, d.updated_at desc, d.record_id limit 50;
explain (analyze) select record_type, record_id, title from search_document d
where d.record_type in ('customer','contact','opportunity')
and ((d.public_terms @> '{上}' and d.public_text like '%上%') or (d.sensitive_terms @> '{上}' and d.sensitive_text like '%上%'))
and (d.owner_id = '00000000-0000-0000-0000-000000000001')
order by d.archived, d.updated_at desc, d.record_id limit 50;
prepare q(text[], text) as select record_type, record_id, title from search_document d
where d.record_type in ('customer','contact','opportunity')
and ((d.public_terms @> $1 and d.public_text like $2) or (d.sensitive_terms @> $1 and d.sensitive_text like $2))
order by d.archived, d.updated_at desc, d.record_id limit 50;
set plan_cache_mode = force_generic_plan;
explain (analyze) execute q('{杭}', '%杭%');
