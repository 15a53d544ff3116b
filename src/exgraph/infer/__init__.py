"""Documented inference rules: movement patterns, difficulty estimates, equipment stated by names."""
