"""The spaCy engine as the parse tests use it (`pytest_plugins = ["parse_support"]`): one per
test module, skipped with the reason when spaCy or its small English model is not installed."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tui.nlp import EngineUnavailable

if TYPE_CHECKING:
    from tui.nlp.spacy_engine import SpacyExtractor


@pytest.fixture(scope="module")
def engine() -> SpacyExtractor:
    pytest.importorskip("spacy")
    from tui.nlp.spacy_engine import SpacyExtractor

    try:
        return SpacyExtractor()
    except EngineUnavailable as exc:
        pytest.skip(str(exc))
