"""Production: behind a reverse proxy, secrets from the environment, no demo data."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *

DEBUG = False
HARAMBEE_ALLOW_DEMO = False
if SECRET_KEY.startswith("insecure-"):
    raise ImproperlyConfigured("Set HARAMBEE_SECRET_KEY for production.")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env_bool("HARAMBEE_SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = env_bool("HARAMBEE_SECURE_COOKIES", True)
SECURE_HSTS_SECONDS = int(os.environ.get("HARAMBEE_HSTS_SECONDS", "0"))
EMAIL_BACKEND = os.environ.get("HARAMBEE_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
