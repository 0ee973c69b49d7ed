"""Answers across documents: quote groups, verification, organisations and their letters."""
