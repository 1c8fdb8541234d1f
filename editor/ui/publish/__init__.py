"""The window's publishing: git state badges, Publish…, Sync, failures, Preview on the Site."""
