"""Settings packages: base (everything), local, test, production (overrides only)."""
