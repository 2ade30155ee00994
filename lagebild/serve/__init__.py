"""Adapters: the command line (and later API and web), each a thin layer over Engine."""
