"""Demo supervision reports built on the news demo (run through `manage.py seed_demo`)."""

from .builder import build_reports_demo

__all__ = ["build_reports_demo"]
