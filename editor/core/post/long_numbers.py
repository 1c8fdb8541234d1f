"""Integers of any length, as Jekyll (Ruby) reads them, in bounded time.

Python converts at most 4,300 digits between text and int at once (a guard against
quadratic work); a front matter value of 5,000 digits was refused though Jekyll builds
the post. `LongInt` is built from pieces of 4,000 digits (divide and conquer: ~0.6 s for
a million digits) and shows itself as written, so it is never converted back whole.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from typing import Any

import yaml

_PIECE = 4000  # digits Python converts at once (its limit is 4,300)
LIMIT = sys.get_int_max_str_digits() or 4300


class LongInt(int):
    """An int longer than Python's text conversion allows; str() and repr() give its
    digits as written (without `_` separators)."""

    digits: str

    def __new__(cls, digits: str) -> LongInt:
        value = super().__new__(cls, _from_digits(digits))
        value.digits = digits
        return value

    def __str__(self) -> str:
        return self.digits

    __repr__ = __str__


def _from_digits(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    return sign * _unsigned(text.lstrip("+-"))


def _unsigned(digits: str) -> int:
    if len(digits) <= _PIECE:
        return int(digits)
    low = len(digits) // 2
    return _unsigned(digits[:-low]) * _power(low) + _unsigned(digits[-low:])


@lru_cache(maxsize=64)
def _power(n: int) -> int:
    power: int = 10**n
    return power


def construct_int(loader: Any, node: yaml.ScalarNode) -> int:
    """PyYAML's int constructor, and a LongInt for a decimal too long for it."""
    text = str(loader.construct_scalar(node)).replace("_", "")
    body = text.lstrip("+-")
    if len(body) > LIMIT and body.isdigit() and body[0] != "0":
        return LongInt(text.lstrip("+"))
    value: int = yaml.constructor.SafeConstructor.construct_yaml_int(loader, node)
    return value
