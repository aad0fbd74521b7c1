"""Aller-Vers: door-to-door outreach against non-recours."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("allervers")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"
