"""The overdue watch (督查督办): overdue and soon-due cases and calls, supervision notices."""
