"""The workbench (工作台): what waits on the signed-in user, today's intake, recent cases."""
