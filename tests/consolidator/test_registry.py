"""Every operation the grammar can produce has an apply function."""

import typing

from conformed import operations
from conformed.consolidator.registry import APPLY


def test_every_operation_type_can_be_applied() -> None:
    kinds = [t for t in typing.get_args(operations.Operation) if t is not operations.NoTextChange]
    assert [t.__name__ for t in kinds if t not in APPLY] == []
