"""Business items as packages: one ``ItemSpec`` per command kind (``registry.COMMAND_SPECS``)."""
