"""Benchmarks that measure dragoman against peers' test data (read from ../shared at run time)."""
