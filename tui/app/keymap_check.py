"""Checking a user's `[keymap]` before Textual applies it.

Why: Textual takes a remap as given, so `flag = "r"` silently puts two actions on `r` (one of
them can never run) and a key name with a typo binds nothing. A user finds out by losing a key.
Each remapped id is checked against every binding that can be active with it (its own widget's
and the app's); a clash or an unusable key is reported in one line and that id keeps its default.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual.binding import Binding
from textual.keys import KEY_ALIASES, KEY_NAME_REPLACEMENTS, Keys, key_to_character


def _keys(spec: str) -> set[str]:
    return {k.strip() for k in spec.split(",") if k.strip()}


MODIFIERS = ("ctrl+", "shift+", "alt+", "meta+", "super+", "hyper+")
_NAMED = {key.value for key in Keys} | set(KEY_ALIASES) | set(KEY_NAME_REPLACEMENTS.values())


def is_key(key: str) -> bool:
    """Whether a terminal can send `key` as Textual names it: one character ("x", "?"), a
    named key ("f5", "pagedown", "slash", "question_mark"), each with modifiers ("ctrl+x").
    A typo ("pgdown", "ctrl+xyz") would otherwise bind a key that never comes."""
    if key in _NAMED:
        return True
    base = key
    while base.startswith(MODIFIERS) and len(base) > 1:
        base = base.split("+", 1)[1]
    return len(base) == 1 or base in _NAMED or key_to_character(base) is not None


def check_keymap(
    keymap: dict[str, str], scopes: Sequence[Iterable[Binding]], app_bindings: Iterable[Binding]
) -> tuple[dict[str, str], list[str]]:
    """The keymap without the ids that clash or name no key, and one warning line for each.

    `scopes` are the binding lists of each widget (each is active together with
    `app_bindings`, the app's own)."""
    app_list = [b for b in app_bindings if isinstance(b, Binding)]
    warnings: list[str] = []
    rejected: set[str] = set()
    for binding_id, spec in keymap.items():
        keys = _keys(spec)
        if not keys or not all(is_key(k) for k in keys):
            bad = [k for k in keys if not is_key(k)]
            what = f"{bad[0]!r} is not a key" if bad else "names no key"
            warnings.append(f"[keymap] {binding_id} = {spec!r}: {what}; default kept")
            rejected.add(binding_id)
    for scope in [app_list, *([*s] for s in scopes)]:
        together = [b for b in [*scope, *app_list] if isinstance(b, Binding)]
        owner: dict[str, str] = {}
        for b in together:
            bid = b.id or b.action
            spec = keymap[b.id] if b.id in keymap and b.id not in rejected else b.key
            for key in _keys(spec):
                other = owner.get(key)
                if other is not None and other != bid:
                    mine = b.id if b.id in keymap and b.id not in rejected else None
                    theirs = other if other in keymap and other not in rejected else None
                    loser = mine or theirs
                    if loser is not None and loser not in rejected:
                        winner = other if loser == mine else bid
                        warnings.append(
                            f"[keymap] {loser} = {keymap[loser]!r} clashes with {winner} on "
                            f"{key!r}; {loser} keeps its default"
                        )
                        rejected.add(loser)
                owner.setdefault(key, bid)
    return {k: v for k, v in keymap.items() if k not in rejected}, warnings
