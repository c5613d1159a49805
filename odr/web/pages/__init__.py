"""The HTML pages, one module per audience or concern."""
