"""The bundled sample corpus (SAMPLE TEXT written for lagebild); see README.md here."""
