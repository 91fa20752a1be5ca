"""The PySide6 user interface: thin windows and widgets over the services."""
