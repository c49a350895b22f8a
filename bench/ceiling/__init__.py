"""The ceiling for bench/http_load.py: the least a Django site under gunicorn can do per request.

One view answering a fixed page of an article page's size, two middlewares, no database, no templates.
What the portal serves per second is read as a share of what this serves in the same run on the same
machine, so that a slower or busier machine does not move the share much.
"""
