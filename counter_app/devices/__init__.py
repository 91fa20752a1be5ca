"""Hardware behind small interfaces: printers (and later voice, card readers, rating pads)."""
