insert into item (id) values (1);
