"""Statistics, spreadsheets and printable documents (later issues). Qt only where it prints."""
