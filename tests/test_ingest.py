"""Readers on real inputs made here: feeds, WARC, broken HTML, encodings, bad files, trees."""
from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from lagebild.errors import InputError
from lagebild.ingest import ReadOptions, read_inputs
from lagebild.model import RawDocument
from tests.conftest import BODY, BODY2, page


def read(*inputs: str | Path) -> list[RawDocument | InputError]:
    return list(read_inputs([str(i) for i in inputs], ReadOptions()))


def test_rss_feed_entries_become_articles(tmp_path: Path) -> None:
    rss = tmp_path / "feed.xml"
    rss.write_text(
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Testblatt</title>"
        f"<item><title>Haushalt</title><link>https://example.org/a</link><description>{BODY}</description>"
        "<pubDate>Mon, 06 May 2024 08:00:00 +0000</pubDate></item>"
        f"<item><title>Streik</title><link>https://example.org/b</link><description>{BODY2}</description>"
        "</item></channel></rss>", encoding="utf-8")
    docs = read(rss)
    assert [d.title for d in docs if isinstance(d, RawDocument)] == ["Haushalt", "Streik"]
    first = docs[0]
    assert isinstance(first, RawDocument)
    assert first.published == "2024-05-06T08:00:00" and first.url == "https://example.org/a"
    assert first.source == "Testblatt" and "Haushaltsplan" in (first.text or "")


def test_atom_feed_with_html_content(tmp_path: Path) -> None:
    atom = tmp_path / "news.atom"
    atom.write_text(
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'><title>Atomblatt</title>"
        "<entry><title>Streik im Hafen</title><id>urn:x:1</id><updated>2024-05-07T10:00:00Z</updated>"
        "<link href='https://example.org/streik'/><author><name>Eva Beispiel</name></author>"
        f"<content type='html'>&lt;p&gt;{BODY2}&lt;/p&gt;</content></entry></feed>", encoding="utf-8")
    (doc,) = read(atom)
    assert isinstance(doc, RawDocument)
    assert doc.html is not None and "Containerterminals" in doc.html
    assert doc.authors == ("Eva Beispiel",) and doc.published == "2024-05-07T10:00:00"


def test_warc_html_responses_only(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, ctype, body in [("https://example.org/haushalt", "text/html; charset=utf-8", page("Haushalt", BODY)),
                                 ("https://example.org/logo.png", "image/png", "PNGDATA"),
                                 ("https://example.org/streik", "text/html", page("Streik", BODY2))]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body.encode()),
                                                          http_headers=headers))
    docs = read(path)
    assert [d.url for d in docs if isinstance(d, RawDocument)] == ["https://example.org/haushalt",
                                                                   "https://example.org/streik"]


def test_broken_warc_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc"
    path.write_bytes(b"WARC/1.0\r\nthis is not a warc record at all\r\n\r\n")
    (err,) = read(path)
    assert isinstance(err, InputError) and err.origin == str(path)


def test_latin1_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "alt.txt"
    path.write_bytes("Die Bürger in Größental müssen künftig mehr für Wasser zahlen, heißt es.".encode("latin-1"))
    (doc,) = read(path)
    assert isinstance(doc, RawDocument) and "Größental" in (doc.text or "") and doc.id == "alt"


def test_empty_and_binary_files_are_errors(tmp_path: Path) -> None:
    (tmp_path / "leer.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "bild.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    errors = read(tmp_path / "leer.txt", tmp_path / "bild.txt", tmp_path / "fehlt.txt")
    assert [(e.reason if isinstance(e, InputError) else None) for e in errors] == ["empty", "binary", "not_found"]
    assert all(str(tmp_path) in e.origin for e in errors if isinstance(e, InputError))


def test_directory_tree_is_read_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b" / "c").mkdir(parents=True)
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b" / "c" / "d.html").write_text(page("Streik", BODY2), encoding="utf-8")
    (tmp_path / "b" / "notes.md").write_text("ignored", encoding="utf-8")
    docs = read(tmp_path)
    assert [d.id for d in docs if isinstance(d, RawDocument)] == ["a", "d"]


def test_jsonl_bad_lines_are_reported_and_good_ones_kept(tmp_path: Path) -> None:
    path = tmp_path / "recs.jsonl"
    path.write_text('{"id": "x", "text": "Ein Satz."}\n{kaputt\n{"id": "y"}\n[1]\n', encoding="utf-8")
    docs = read(path)
    assert isinstance(docs[0], RawDocument) and docs[0].id == "x"
    reasons = [(d.origin.rsplit(":", 1)[1], d.reason) for d in docs[1:] if isinstance(d, InputError)]
    assert reasons == [("2", "bad_json"), ("3", "bad_record"), ("4", "bad_record")]


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "gross.txt"
    path.write_text("Wort " * 1000, encoding="utf-8")
    (err,) = list(read_inputs([str(path)], ReadOptions(max_bytes=1000)))
    assert isinstance(err, InputError) and err.reason == "too_large" and "5,000" in err.message


def test_broken_html_still_yields_its_text(tmp_path: Path) -> None:
    from lagebild.clean import prepare

    path = tmp_path / "kaputt.html"
    broken = page("Haushalt", BODY).replace("</p>", "").replace("</article>", "").replace("</body></html>", "")
    path.write_text("<div><span>" + broken + "<p>Noch ein <b>unfertiger Absatz ohne Ende", encoding="utf-8")
    (raw,) = read(path)
    assert isinstance(raw, RawDocument)
    art = prepare(raw)
    assert "Haushaltsplan" in art.text and "<p>" not in art.text and art.id == "kaputt"
