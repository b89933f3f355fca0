select pg_sleep(${sleepSeconds});
