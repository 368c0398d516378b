"""The domain: dataclasses, enums and rules. Pure Python: no Qt, no SQL."""
