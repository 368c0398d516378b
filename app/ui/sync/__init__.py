"""Sync files (同步) and devices: export, import with a preview, enrolment and revocation."""
