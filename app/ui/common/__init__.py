"""What every screen shares: the session and its one worker thread, the page base, dialog
parts, pickers, clocks in words, the interface language."""
