"""`python -m uyghur_docs` runs udocs."""

from uyghur_docs.cli.main import main

if __name__ == "__main__":
    main()
