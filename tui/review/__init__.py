"""Review marks (reviewed, flagged, tags, notes) in a SQLite file outside the corpus."""
