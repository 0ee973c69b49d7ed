"""`python -m uyghur_docs` runs udocs."""

from .cli import main

if __name__ == "__main__":
    main()
