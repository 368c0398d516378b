"""Setting up: the first start without a database."""
