"""One workstation put together: its cache, its connection to the centre and its sync."""
