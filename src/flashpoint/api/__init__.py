"""The JSON API (FastAPI): ``create_app(settings)`` serves the corpus store and the dashboard."""

from flashpoint.api.app import create_app

__all__ = ["create_app"]
