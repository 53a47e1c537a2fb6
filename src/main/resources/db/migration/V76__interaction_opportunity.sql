-- Interactions (沟通记录) may belong to an opportunity (F2: a closed opportunity accepts no new activity).
alter table interaction add column opportunity_id uuid;
create index interaction_opportunity_idx on interaction (opportunity_id, occurred_at, id);
