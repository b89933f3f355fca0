create table other_thing (id bigint primary key);
