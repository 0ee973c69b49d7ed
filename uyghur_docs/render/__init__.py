"""Output for people and scripts: rich tables, plain lines, JSON and CSV."""
