"""Django's Redis cache, with one redis.Redis per connection pool instead of one per cache call.

Django's RedisCacheClient makes a redis.Redis for every get, set or delete (get_client); making one
builds its table of about 80 reply parsers, 50 us here, and an article page rendered afresh made four.
redis.Redis is safe to share between threads (each command takes a connection from the pool), and the
pool is the client's own, so the client is made once a pool.
"""

from django.core.cache.backends import redis as django_redis


class RedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))  # the pools live as long as this client: ids stay theirs
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
