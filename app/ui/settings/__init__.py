"""Settings (设置): the interface language, and rebuilding the data from the log."""
