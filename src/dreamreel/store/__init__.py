"""Persistence: files on disk now; the database and the content cache join later."""
