"""WSGI entry point for gunicorn (`harambee serve`)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
application = get_wsgi_application()

# What the first request of each worker would otherwise load, loaded at its boot instead: the URLs
# (every app's views and the API's schemas, about 1 s) and the template engine with its tag libraries.
from django.template import engines  # noqa: E402
from django.urls import get_resolver  # noqa: E402

get_resolver().url_patterns  # noqa: B018
engines.all()
