"""Entity and quote extraction behind one `Extractor` interface."""
