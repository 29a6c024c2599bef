"""Local development and the demo: debug on, console e-mail, demo data allowed."""

from .base import *

DEBUG = env_bool("HARAMBEE_DEBUG", True)
HARAMBEE_ALLOW_DEMO = True
