"""Trained models shipped with lagebild (rebuilt by scripts/train_ner.py)."""
