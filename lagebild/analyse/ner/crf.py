"""A CRFsuite model driven through the C API that python-crfsuite's extension module exports.

Why: handing python-crfsuite lists of attribute strings costs more than tagging itself. Each
call converts every string into a C++ ``std::string`` and looks it up in the model's
dictionary: about 3 of the 5 µs per token. Here the model's attribute dictionary is read from
the file once (``read_attributes``) into a Python dict of the 16-byte records CRFsuite reads
(``crfsuite_attribute_t``: int id, double value 1.0): a new word's attributes cost a dict
look-up each, not a call into C. A token's attributes are one ``bytes`` joined from per-word
cached pieces, and
a sentence reaches the tagger as one buffer. The model, the weights and the order in which
state scores are summed are the same, so labels and marginals equal python-crfsuite's (a
test compares them). Attributes the model does not know are left out, as CRFsuite does.

The structures mirror ``crfsuite.h`` of CRFsuite 0.12, the version python-crfsuite 0.9 bundles
(pinned in pyproject.toml).
"""
from __future__ import annotations

import ctypes as C
import struct
from array import array
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate
from pathlib import Path

import pycrfsuite._pycrfsuite as _ext

from lagebild.errors import ModelError

_P = C.c_void_p
_F = C.CFUNCTYPE
_DP = C.POINTER(C.c_double)


class _Model(C.Structure):
    _fields_ = [("internal", _P), ("nref", C.c_int), ("addref", _F(C.c_int, _P)), ("release", _F(C.c_int, _P)),
                ("get_tagger", _F(C.c_int, _P, C.POINTER(_P))), ("get_labels", _F(C.c_int, _P, C.POINTER(_P))),
                ("get_attrs", _F(C.c_int, _P, C.POINTER(_P))), ("dump", _F(C.c_int, _P, _P))]


class _Tagger(C.Structure):
    _fields_ = [("internal", _P), ("nref", C.c_int), ("addref", _F(C.c_int, _P)), ("release", _F(C.c_int, _P)),
                ("set", _F(C.c_int, _P, _P)), ("length", _F(C.c_int, _P)),
                ("viterbi", _F(C.c_int, _P, _P, _DP)), ("score", _F(C.c_int, _P, _P, _DP)),
                ("lognorm", _F(C.c_int, _P, _DP)), ("marginal_point", _F(C.c_int, _P, C.c_int, C.c_int, _DP)),
                ("marginal_path", _F(C.c_int, _P, _P, C.c_int, C.c_int, _DP))]


class _Dictionary(C.Structure):
    _fields_ = [("internal", _P), ("nref", C.c_int), ("addref", _F(C.c_int, _P)), ("release", _F(C.c_int, _P)),
                ("get", _F(C.c_int, _P, C.c_char_p)), ("to_id", _F(C.c_int, _P, C.c_char_p)),
                ("to_string", _F(C.c_int, _P, C.c_int, C.POINTER(C.c_char_p))), ("num", _F(C.c_int, _P)),
                ("free", _F(None, _P, C.c_char_p))]


class _Instance(C.Structure):
    _fields_ = [("num_items", C.c_int), ("cap_items", C.c_int), ("items", _P), ("labels", _P), ("group", C.c_int)]


_LIB = C.CDLL(_ext.__file__)
_LIB.crfsuite_create_instance_from_file.argtypes = [C.c_char_p, C.POINTER(_P)]
_LIB.crfsuite_create_instance_from_file.restype = C.c_int
#: one attribute record: id (int, 4 bytes padding), value 1.0 (double)
_RECORD = struct.Struct("<iid")


#: the model file header: magic, total size, then ten more 32-bit fields
_HEADER = struct.Struct("<4sI40x")


def _check_header(path: str) -> None:
    """CRFsuite reads a model file without checks and crashes on a broken one: look at the
    magic and the size the header gives before handing it over (as python-crfsuite does)."""
    try:
        with open(path, "rb") as f:
            head = f.read(_HEADER.size)
            size = f.seek(0, 2)
    except OSError as exc:
        raise ModelError(f"cannot open NER model {path}: {exc}") from exc
    if len(head) < _HEADER.size or _HEADER.unpack(head)[0] != b"lCRF" or _HEADER.unpack(head)[1] != size:
        raise ModelError(f"cannot open NER model {path}: not a complete CRFsuite model")


#: the model file header: magic, size, type, version, then counts and offsets (crfsuite's
#: ``crf1dm.c``): features, labels, attributes; label refs, attribute refs
_FILE_HEADER = struct.Struct("<4sI4sIIIIIIIII")
#: a CQDB chunk (crfsuite's ``cqdb.c``): id, size, flag, byte order, backward-array size and offset
_CQDB_HEADER = struct.Struct("<4sIIIII")


def read_attributes(path: str) -> dict[str, int]:
    """Every attribute string the model knows -> its id, read from the model file's attribute
    dictionary (a CQDB chunk: its backward array gives each id's record, ``id, size, key\\0``).
    The ids are those ``to_id`` returns (a test compares all of them)."""
    with open(path, "rb") as f:
        data = f.read()
    offset = _FILE_HEADER.unpack_from(data, 0)[9]
    chunk, _, _, _, count, bwd = _CQDB_HEADER.unpack_from(data, offset)
    if chunk != b"CQDB":
        raise ModelError(f"cannot open NER model {path}: no attribute dictionary")
    out: dict[str, int] = {}
    unpack = struct.Struct("<II").unpack_from
    for rec in struct.unpack_from(f"<{count}I", data, offset + bwd):
        if not rec:
            continue
        p = offset + rec
        rid, size = unpack(data, p)
        try:
            out[data[p + 8:p + 7 + size].decode()] = rid
        except UnicodeDecodeError:  # no str encodes to it: never looked up
            continue
    return out


class _Records(dict[str, bytes]):
    """Attribute string -> its record for every attribute the model knows (read from the
    model file once); an unknown attribute gives the empty record and is not stored."""

    def __missing__(self, attribute: str) -> bytes:
        return b""


class CrfModel:
    """One CRFsuite model file: ``tag_packed`` for packed attribute records, ``tag`` for
    attribute strings (as ``pycrfsuite.Tagger.tag``), ``marginal`` for the last tagged sequence.
    Like ``pycrfsuite.Tagger`` it holds the sequence being tagged: one thread at a time."""

    def __init__(self, path: Path | str) -> None:
        self.path = str(path)
        _check_header(self.path)
        model = _P()
        if _LIB.crfsuite_create_instance_from_file(self.path.encode(), C.byref(model)) != 0 or not model.value:
            raise ModelError(f"cannot open NER model {path}")
        m = C.cast(model, C.POINTER(_Model)).contents
        tagger, attrs, labels = _P(), _P(), _P()
        if m.get_tagger(model, C.byref(tagger)) or m.get_attrs(model, C.byref(attrs)) \
                or m.get_labels(model, C.byref(labels)):
            raise ModelError(f"cannot open NER model {path}: no tagger in it")
        self._release = [(x, C.cast(x, C.POINTER(k)).contents.release)
                         for x, k in ((attrs, _Dictionary), (labels, _Dictionary), (tagger, _Tagger), (model, _Model))]
        t = C.cast(tagger, C.POINTER(_Tagger)).contents
        self._tagger = tagger.value
        self._set, self._viterbi, self._marginal = t.set, t.viterbi, t.marginal_point
        d = C.cast(attrs, C.POINTER(_Dictionary)).contents
        self._attrs, self._to_id = attrs.value, d.to_id
        lab = C.cast(labels, C.POINTER(_Dictionary)).contents
        names: list[str] = []
        for i in range(lab.num(labels)):
            s = C.c_char_p()
            lab.to_string(labels, i, C.byref(s))
            names.append((s.value or b"").decode())
            lab.free(labels, s)
        self._labels = names
        self._label_id = {x: i for i, x in enumerate(names)}
        self._but_o = [x for x in names if x != "O"]
        #: attribute string -> its record, for every attribute the model knows ("" when unknown)
        self.records = _Records({a: _RECORD.pack(i, 0, 1.0) for a, i in read_attributes(self.path).items()})
        #: the same as a mapping lookup: cheaper than a call
        self.pack = self.records.__getitem__
        self._prob = C.c_double()
        #: the instance handed to the tagger, reused (CRFsuite reads it only during ``set``)
        self._inst = _Instance(0, 0, None, None, 0)
        self._inst_address = C.addressof(self._inst)
        self._prob_ref = C.byref(self._prob)

    def __del__(self) -> None:
        for handle, release in getattr(self, "_release", ()):
            release(handle)
        self._release = []

    def labels(self) -> list[str]:
        return list(self._labels)

    def labels_but_o(self) -> list[str]:
        """The labels other than O, in the model's order (kept: asked for in a loop)."""
        return self._but_o

    def marginals_at(self, labels: Sequence[str], position: int) -> list[float]:
        """``marginal`` of several labels at one position (0 for a label the model lacks)."""
        get, tagger, ref, prob = self._marginal, self._tagger, self._prob_ref, self._prob
        out = []
        for y in labels:
            lid = self._label_id.get(y)
            if lid is None:
                out.append(0.0)
                continue
            get(tagger, lid, position, ref)
            out.append(prob.value)
        return out

    def pack_all(self, attributes: Iterable[str]) -> bytes:
        return b"".join(map(self.pack, attributes))

    def tag_packed(self, items: Sequence[bytes]) -> list[str]:
        """Viterbi labels of a sequence given as one ``bytes`` of records per item."""
        return next(self.tag_each([items]))

    def tag_each(self, seqs: Sequence[Sequence[bytes]]) -> Iterator[list[str]]:
        """``tag_packed`` of each sequence in turn, their records laid out once for all.
        While a sequence's labels are the last yielded, ``marginal`` answers for it."""
        flat = [x for seq in seqs for x in seq]
        if not flat:
            yield from ([] for _ in seqs)
            return
        contents = array("q", b"".join(flat))  # a copy whose address array gives cheaply
        lengths = list(map(len, flat))
        heads = array("q", bytes(16 * len(flat)))  # per item: num_contents (cap_contents 0), contents
        heads[0::2] = array("q", [k >> 4 for k in lengths])
        heads[1::2] = array("q", accumulate(lengths[:-1], initial=contents.buffer_info()[0]))
        item = heads.buffer_info()[0]
        out = array("i", bytes(4 * max(map(len, seqs), default=0)))
        inst, names = self._inst, self._labels.__getitem__
        for seq in seqs:
            n = len(seq)
            if not n:
                yield []
                continue
            inst.num_items = inst.cap_items = n
            inst.items = item
            item += 16 * n
            if self._set(self._tagger, self._inst_address):
                raise ModelError(f"CRFsuite could not take a sequence for {self.path}")
            if self._viterbi(self._tagger, out.buffer_info()[0], self._prob_ref):
                raise ModelError(f"CRFsuite Viterbi failed for {self.path}")
            yield list(map(names, out[:n]))

    def tag(self, xseq: Sequence[Iterable[str]]) -> list[str]:
        return self.tag_packed([self.pack_all(x) for x in xseq])

    def marginal(self, label: str, position: int) -> float:
        """P(label at position | the sequence last tagged)."""
        self._marginal(self._tagger, self._label_id[label], position, self._prob_ref)
        return float(self._prob.value)

    def marginals(self, label: str, positions: Iterable[int]) -> list[float]:
        """``marginal`` of one label at several positions."""
        get, tagger, lid, ref, prob = self._marginal, self._tagger, self._label_id[label], self._prob_ref, self._prob
        out = []
        for t in positions:
            get(tagger, lid, t, ref)
            out.append(prob.value)
        return out
