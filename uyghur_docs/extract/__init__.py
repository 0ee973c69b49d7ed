"""What each document says: quotations and who is quoted, signatories and issuers."""
