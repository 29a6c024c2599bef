"""The readiness self-assessment's framework-free core: the framework as data (`framework`), scoring and
medians (`scoring`) and the radar chart (`radar`). Imports no Django (pyproject: cores-no-django)."""
