"""Reading a corpus folder into clean `Article`s. Knows nothing of NLP, search or the UI."""
