"""The three lists (三张清单): view, search, import, export, and the override report."""
