"""odr: online dispute resolution for consumer complaints (the 12315 model)."""

__version__ = "0.1.0"
