"""Framework-free pieces of the transparency dashboard: the map projection, the map and the charts
as SVG (no Django: the import contract "cores import no Django" covers this package)."""
