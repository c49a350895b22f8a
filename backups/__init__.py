"""Backups: one dated archive holding the database, the media and the trash, and its restore."""
