"""Data files of the knowledge base (see README.md); a package so they ship with lagebild."""
