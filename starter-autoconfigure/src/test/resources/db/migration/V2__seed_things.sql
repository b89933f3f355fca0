insert into thing (id, name) values (1, 'first');
