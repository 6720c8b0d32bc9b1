"""French inclusive writing (placeholder, replaced below)."""
