"""Lists of dicts to pandas DataFrames, importing pandas only when asked (it is optional)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from flashpoint.errors import FlashpointError


class MissingDependency(FlashpointError):
    """An optional package that this call needs is not installed."""


def to_frame(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> Any:
    """A ``pandas.DataFrame`` of ``rows``; raises ``MissingDependency`` without pandas."""
    try:
        import pandas as pd
    except ImportError as exc:
        raise MissingDependency(
            "DataFrames need pandas, which is not installed; install it (pip install pandas) "
            "or use the list-of-dict functions in flashpoint.store / flashpoint.analytics"
        ) from exc
    return pd.DataFrame.from_records(list(rows), columns=list(columns) if columns else None)
