"""The nesting of a parsed exchange file, walked level by level (``read._deeper_than``), is the
depth a plain recursive count gives, for every limit, on the sample and on odd shapes."""

from __future__ import annotations

import json

import pytest

from ashore.exchange.read import _deeper_than
from store.books import sample_dict


def _depth(value: object) -> int:
    """Arrays and objects nested in ``value``, counted by recursion (0 for a scalar)."""
    if isinstance(value, dict):
        return 1 + max((_depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((_depth(v) for v in value), default=0)
    return 0


SHAPES: list[object] = [
    7,
    "text",
    None,
    [],
    {},
    [[[[]]]],
    {"a": [1, {"b": [[], {"c": {}}]}], "d": "e"},
    [1, [2, [3, [4, [5, [6, [7, [8, [9]]]]]]]]],
    [[], [[]], [[[]]], [[[[{"deep": [[]]}]]]]],
]


@pytest.mark.parametrize("data", [*SHAPES, sample_dict()])
def test_the_depth_walked_level_by_level_is_the_recursive_depth(data: object) -> None:
    depth = _depth(json.loads(json.dumps(data)))
    assert depth == _depth(data)
    for limit in range(12):
        assert _deeper_than(data, limit) is (depth > limit), limit
