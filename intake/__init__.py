"""Articles in: uploaded files (`upload`), files from the configured folder (`folder`), and the sidebar
section that reads any of them, or pasted text, into the store (`sidebar`).
"""
