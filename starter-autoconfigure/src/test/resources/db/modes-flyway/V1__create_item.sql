create table item (id bigint primary key);
