"""Spoken announcements: a speaker interface and a queue that never overlaps or drops.

``AnnouncementQueue`` owns one thread that speaks texts one after the other, in the order
they came; a recall is simply announced again. A speaker that fails (no audio device, no
engine installed) is logged and the queue moves on — the display never waits for sound.
``CommandSpeaker`` runs an external engine such as ``espeak-ng -v cmn`` with the text as an
argument (no shell).
"""

from __future__ import annotations

import logging
import queue
import shutil
import subprocess
import threading
from collections.abc import Sequence
from typing import Protocol

log = logging.getLogger(__name__)


class Speaker(Protocol):
    def speak(self, text: str) -> None:
        """Say ``text`` and return when done; raise if it cannot be said."""


class CommandSpeaker:
    def __init__(
        self, command: Sequence[str] = ("espeak-ng", "-v", "cmn"), timeout: float = 20
    ) -> None:
        self.command = list(command)
        self.timeout = timeout

    @property
    def available(self) -> bool:
        return shutil.which(self.command[0]) is not None

    def speak(self, text: str) -> None:
        subprocess.run([*self.command, text], check=True, timeout=self.timeout, capture_output=True)


class NullSpeaker:
    def speak(self, text: str) -> None:
        log.info("announcement (no audio): %s", text)


class AnnouncementQueue:
    def __init__(self, speaker: Speaker) -> None:
        self.speaker = speaker
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="announcements", daemon=True)
        self._thread.start()

    def submit(self, text: str) -> None:
        self._queue.put(text)

    def _run(self) -> None:
        while (text := self._queue.get()) is not None:
            try:
                self.speaker.speak(text)
            except Exception as exc:  # a broken speaker must never jam the queue
                log.warning("announcement %r not spoken: %s", text, exc)
            finally:
                self._queue.task_done()

    def drain(self) -> None:
        """Wait until everything submitted so far has been spoken (or failed)."""
        self._queue.join()

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join(timeout=30)
