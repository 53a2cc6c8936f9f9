"""Writing corpus text to a terminal or a pipe without letting it act on the terminal."""

from __future__ import annotations

import json
import re
import sys
from typing import Any

# JSON escapes C0 controls itself; C1 controls, bidi overrides and lone surrogates (undecodable
# bytes of a file name, which stdout would write back raw) pass through with ensure_ascii=False,
# and a terminal would act on them, so escape those too.
_UNSAFE_IN_JSON = re.compile("[\u0080-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")


def json_line(obj: Any) -> str:
    """One JSON object on one line, readable UTF-8, with terminal-active characters escaped."""
    raw = json.dumps(obj, ensure_ascii=False)
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", raw)


def write_json_line(obj: Any) -> None:
    sys.stdout.write(json_line(obj) + "\n")
