"""The `udocs` command line: click commands and options over the library."""
