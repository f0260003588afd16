"""Readers: find an extract's files, read every dialect of SPEC §1.1, and type the values."""
