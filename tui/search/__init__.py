"""Full-text search over a corpus; Whoosh stays behind this package's own interface."""
