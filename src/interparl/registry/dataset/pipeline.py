"""Run the reading half of an import in a process of its own, so that reading, validating and shaping records
(pure Python work) and writing them (the database's work and the writer's) use two cores.

The reader is forked: it inherits everything it needs (the descriptions, the shaper), reads the file itself and
touches no database. Its messages come back through a pipe as it makes them; the pipe's small buffer holds the
reader at most a message ahead of the writer, so memory stays what one chunk takes. A problem the reader finds is
raised here as the same ``DatasetError``; if the writer stops first (a rule broken, an error), the reader is ended.
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Callable, Iterator

from .yaml_lines import DatasetError


def available() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def apart(messages: Callable[[], Iterator[tuple]]) -> Iterator[tuple]:
    """The messages ``messages()`` makes, made in a forked process (or here, where processes cannot fork)."""
    if not available():
        yield from messages()
        return
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    reader = context.Process(target=_read, args=(messages, sender), name="interparl-import-reader", daemon=True)
    reader.start()
    sender.close()
    try:
        while True:
            try:
                message = receiver.recv()
            except EOFError:
                raise RuntimeError(f"the import's reader ended without a word (exit code {reader.exitcode})") from None
            if message[0] == "done":
                return
            if message[0] == "problems":
                raise DatasetError(message[1])
            if message[0] == "failed":
                raise RuntimeError(f"the import's reader failed:\n{message[1]}")
            yield message
    finally:
        receiver.close()
        if reader.is_alive():
            reader.terminate()
        reader.join()


def _read(messages: Callable[[], Iterator[tuple]], sender) -> None:
    try:
        for message in messages():
            sender.send(message)
        sender.send(("done",))
    except DatasetError as exc:
        sender.send(("problems", exc.problems))
    except Exception:  # reported to the writing process, which raises it
        sender.send(("failed", traceback.format_exc()))
    finally:
        sender.close()
