"""The supplier scorecard: its criteria and the form readers fill in."""
