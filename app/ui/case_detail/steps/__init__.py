"""One small form per kind of step of the case path, found through ``registry``."""
