"""An Input whose editing keys act in the order they were typed.

Textual passes a key to the focused widget as it arrives, but runs that widget's bindings only
when the key has come back up to the app. Printable keys are inserted on the way down, so when
keys arrive together - a fast typist, a paste without bracketed paste, or a slow SSH link that
delivers "prme⌫⌫ime" in one packet - the letters typed after Backspace or Ctrl+U are inserted
before the Backspace or Ctrl+U runs, which then deletes them instead. Running the Input's own
bindings on the way down, like its letters, keeps everything in order.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class TypingInput(Input):
    async def _on_key(self, event: events.Key) -> None:
        if not event.is_printable:
            for binding in self._bindings.key_to_bindings.get(event.key, ()):
                if self.check_action(binding.action.partition("(")[0], ()) is False:
                    continue  # not now (Tab without a suggestion): let the key go on
                event.stop()
                event.prevent_default()
                await self.run_action(binding.action)
                return
        await super()._on_key(event)
