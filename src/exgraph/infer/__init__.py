"""Documented inference rules: movement patterns, difficulty estimates, equipment from names."""
