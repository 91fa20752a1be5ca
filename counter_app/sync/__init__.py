"""Moving commands to the centre (push) and central changes to the workstation (pull)."""
