"""The contact register\x27s printed book."""
