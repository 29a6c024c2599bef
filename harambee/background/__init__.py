"""Background work on django-tasks (the backport of Django's tasks API) and its database backend:
declaring tasks with a retry policy, enqueuing them when a transaction commits, the worker (with the
periodic jobs and the recovery of tasks whose worker died), the supervisor that runs workers beside the
web server, and what the secretariat sees of it. docs/adr/0009-background-tasks.md"""
