"""Broadsheet: a keyboard-driven terminal reader for local news corpora."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("broadsheet")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"
