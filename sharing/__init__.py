"""Sharing a view: the view state a link carries (`viewstate`)."""
