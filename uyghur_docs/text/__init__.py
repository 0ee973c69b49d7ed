"""Text normalisation, dates and names: pure functions on strings."""
