"""Production: behind a reverse proxy that terminates TLS, secrets from the environment, no demo data."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *

DEBUG = False
HARAMBEE_ALLOW_DEMO = False
if SECRET_KEY.startswith("insecure-"):
    raise ImproperlyConfigured("Set HARAMBEE_SECRET_KEY for production.")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Plain-HTTP requests are redirected to HTTPS (the proxy says which scheme the client used).
SECURE_SSL_REDIRECT = env_bool("HARAMBEE_SSL_REDIRECT", True)
# A load balancer probes the health check over plain HTTP on the private network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# The secretariat and members' managers sign in with a second factor (harambee/accounts/two_factor.py).
HARAMBEE_TWO_FACTOR_REQUIRED = env_bool("HARAMBEE_TWO_FACTOR_REQUIRED", True)
SESSION_COOKIE_SECURE = env_bool("HARAMBEE_SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = env_bool("HARAMBEE_SECURE_COOKIES", True)
LANGUAGE_COOKIE_SECURE = env_bool("HARAMBEE_SECURE_COOKIES", True)
# HSTS: browsers keep to HTTPS for a year (0 turns it off), this host and its subdomains.
SECURE_HSTS_SECONDS = int(os.environ.get("HARAMBEE_HSTS_SECONDS", str(365 * 24 * 60 * 60)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HARAMBEE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("HARAMBEE_HSTS_PRELOAD", False)
if not SECURE_HSTS_PRELOAD:
    # security.W021 asks for the preload flag. Preloading is the domain owner's decision, made once for
    # the whole registered domain and slow to undo (hstspreload.org); the platform cannot make it for
    # them. HARAMBEE_HSTS_PRELOAD=on sends the flag (and then the check has nothing to say).
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
EMAIL_BACKEND = os.environ.get("HARAMBEE_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
