"""What is kept between runs: the catalog and the search index, built and brought up to date."""
