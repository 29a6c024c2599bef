"""The events engine, framework-free: knowledge-exchange pairing (``pairing.py``).

Imports no Django and nothing of harambee outside the cores (import-linter contract, docs/adr/0011):
the benefit of a pair is scored by the matching core's engine, and the solver is OR-Tools. Words
for people (concept and theme labels, names) come back through callables the caller passes.
"""
