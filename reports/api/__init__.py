"""Read-only open-data API for supervision reports and recommendations (mounted in config.api)."""
