"""Announcements are spoken one at a time, in order, none dropped, never jammed."""

from __future__ import annotations

import threading
import time

from counter_app.devices.voice import AnnouncementQueue, CommandSpeaker


class SlowSpeaker:
    def __init__(self) -> None:
        self.spoken: list[str] = []
        self.active = 0
        self.max_active = 0
        self.lock = threading.Lock()

    def speak(self, text: str) -> None:
        with self.lock:
            self.active += 1
            self.max_active = max(self.max_active, self.active)
        time.sleep(0.002)
        if text == "boom":
            with self.lock:
                self.active -= 1
            raise RuntimeError("no audio device")
        with self.lock:
            self.spoken.append(text)
            self.active -= 1


def test_never_two_at_once_none_dropped_order_kept() -> None:
    speaker = SlowSpeaker()
    announcements = AnnouncementQueue(speaker)
    texts = [f"请 A{i:03d} 号到 3 号窗口办理" for i in range(40)]

    def submit(part: list[str]) -> None:
        for text in part:
            announcements.submit(text)

    submit(texts[:20])
    announcements.submit("boom")  # a failing announcement does not jam the queue
    submit(texts[20:])
    announcements.submit(texts[5])  # a recall is announced again
    announcements.drain()
    announcements.close()
    assert speaker.max_active == 1
    assert speaker.spoken == [*texts, texts[5]]


def test_a_missing_engine_is_reported_as_unavailable() -> None:
    assert not CommandSpeaker(("no-such-speech-engine",)).available
