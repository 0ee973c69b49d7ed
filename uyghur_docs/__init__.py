"""udocs: search civil society's statements on the 2022 OHCHR Xinjiang assessment."""

__version__ = "0.1.0"
