"""Statistics (统计): a page that comes with a later issue."""
