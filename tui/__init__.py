"""Broadsheet: a keyboard-driven terminal reader for local news corpora.

The version lives here, as a constant, and the build reads it from this file
(`[tool.hatch.version]`): asking `importlib.metadata` at every start costs a script's
`broadsheet search` tens of milliseconds.
"""

__version__ = "0.1.0"
