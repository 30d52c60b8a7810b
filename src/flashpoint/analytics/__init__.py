"""Corpus analytics in DuckDB SQL: dyad series, the actor network, escalation alerts (issue 6)."""

from flashpoint.analytics.alerts import alerts
from flashpoint.analytics.dyads import dyad_series
from flashpoint.analytics.frames import to_frame
from flashpoint.analytics.network import neighbours, network

__all__ = ["alerts", "dyad_series", "neighbours", "network", "to_frame"]
