"""The allocation engine, framework-free: instance parsing, the market, the solvers and the result.

Imports no Django and nothing of harambee outside the cores (import-linter contract, docs/adr/0011).
Messages come back through the `translate` callable the caller passes; the app layer
(`harambee.allocation.engine`) passes Django's gettext.
"""
