"""Shared fixtures: inputs are made by the tests themselves, in temporary folders."""
from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

needs_shared = pytest.mark.skipif(not SHARED.exists(), reason="../shared is not present")

# A news-style paragraph written for these tests (not real reporting).
BODY = ("Die Stadtverwaltung von Neustadt hat am Montag einen neuen Haushaltsplan vorgestellt. "
        "Bürgermeisterin Karin Lehmann sagte, die Stadt müsse in den kommenden Jahren sparen. "
        "Der Plan sieht Ausgaben von rund 120 Millionen Euro vor, etwa zehn Prozent weniger als im Vorjahr. "
        "Die Opposition kritisierte die Kürzungen bei Schulen und Schwimmbädern scharf.")

BODY2 = ("In Hafenstadt haben Beschäftigte des Containerterminals am Dienstag ihre Arbeit niedergelegt. "
         "Die Gewerkschaft fordert acht Prozent mehr Lohn und eine kürzere Arbeitszeit. "
         "Ein Sprecher der Betreibergesellschaft erklärte, man sei zu Gesprächen bereit. "
         "Der Streik soll bis Donnerstag dauern, Schiffe müssen auf andere Häfen ausweichen.")


def page(title: str, body: str, date: str = "2024-05-06") -> str:
    paras = "".join(f"<p>{s.strip().rstrip('.')}.</p>" for s in body.split(". ") if s.strip())
    return (f"<!DOCTYPE html><html lang='de'><head><meta charset='utf-8'><title>{title} | Testblatt</title>"
            f"<meta property='og:title' content='{title}'>"
            f"<meta property='article:published_time' content='{date}T08:00:00+02:00'></head>"
            f"<body><nav><a href='/'>Start</a> <a href='/politik'>Politik</a></nav>"
            f"<article><h1>{title}</h1>{paras}</article>"
            f"<footer>Impressum · Datenschutz · Kontakt</footer></body></html>")
