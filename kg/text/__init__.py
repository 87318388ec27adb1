"""Text stages: decode bytes, normalise layout, recover document structure."""
