"""Backups: one dated archive holding the database, the media and the private folders, and its restore."""
