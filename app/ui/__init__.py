"""The TownDesk window: pages, dialogs, table models and the background-operation runner."""
