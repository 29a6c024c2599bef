"""The Equal Earth projection (Šavrič, Patterson and Jenny, 2018): an equal-area world map whose
shapes look familiar. Longitude and latitude in degrees in, plane coordinates out (x in about
[-2.71, 2.71], y in about [-1.32, 1.32], north up)."""

from math import asin, cos, radians, sin, sqrt

A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = sqrt(3) / 2

#: The half-width and half-height of the projected world (longitude ±180°, latitude ±90°).
X_MAX = 2 * sqrt(3) * 3.141592653589793 / (3 * A1)
Y_MAX = 1.3173627591574133


def equal_earth(lon: float, lat: float) -> tuple[float, float]:
    """The projected (x, y) of a point, y growing northwards."""
    lam, phi = radians(lon), radians(lat)
    theta = asin(M * sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    x = 2 * sqrt(3) * lam * cos(theta) / (3 * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    return x, y
