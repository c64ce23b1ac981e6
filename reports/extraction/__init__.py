"""Pure-Python extraction of a supervision report's facts from a news article's text."""

from .extract import Extraction, extract

__all__ = ["Extraction", "extract"]
