create table fine (id bigint);
