"""Waiting on a condition, never for a fixed time: the one poll loop of the tests."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def wait_until(
    condition: Callable[[], T],
    timeout: float,
    failure: Callable[[], str] | str,
    every: float = 0.05,
    retry_on: tuple[type[BaseException], ...] = (),
) -> T:
    """`condition()` once it is truthy (its value), polled every `every` seconds; after `timeout`
    seconds the test fails with `failure` (a message, or what returns one: read it only then).
    Exceptions listed in `retry_on` count as "not yet"."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = condition()
        except retry_on:
            value = None
        if value:
            return value
        if time.monotonic() >= deadline:
            raise AssertionError(failure() if callable(failure) else failure)
        time.sleep(every)
