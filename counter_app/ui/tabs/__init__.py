"""Transaction tabs of the teller window, one module per business item."""
