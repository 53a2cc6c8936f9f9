"""A faster Whoosh segment writer: same files, same bytes, a fraction of the CPU time.

Whoosh's `SegmentWriter` sends every posting (one per distinct term per field per document,
some 350 for a news article) through a general external sort: one tuple each, pickled one by one
into sorted runs on disk, read back one by one through a heap merge, and each posting's field
length fetched back from the segment's length column as it is written. That costs about 4 ms an
article, more than reading the file, and it all happens in the one process that holds the index
lock, while the worker processes wait.

`FastWriter` keeps the rest of `SegmentWriter` (stored fields, columns, deletions, merging
policy, the table of contents) and replaces only the postings path:

* `PostingBuffer` keeps, per field, one `bytearray` per term, appending a small fixed record
  (document number, weight, value length) and the value bytes of each posting. When it grows
  past its memory limit it writes itself out as one sorted run (one entry per term, not per
  posting) to the writer's temporary storage.
* At commit, the runs and what is still in memory are merged term by term (documents are
  numbered in the order they were added, so concatenating a term's records keeps them sorted),
  and `_TermWriter` writes each term's postings a block at a time, and its row of the terms
  file, straight to the segment's files (Whoosh's postings writer spends some 30 µs of calls
  per term, and most terms of a segment have one or two postings).
* Field lengths are remembered as the documents are added (the same length byte the length
  column stores), not read back from disk per posting.
* Blocks are pickled with protocol 3 rather than 2, small ones are not compressed, and larger
  ones with zlib sized to the block (see `BLOCK_PICKLE`, `COMPRESS_FROM`, `_compress`): a
  third smaller, and faster to write and to read back.

The files are Whoosh's own format (any Whoosh reads them); a test reads back every posting,
term statistic, length, stored field and column of both writers and compares them.
"""

from __future__ import annotations

import contextlib
import heapq
import struct
import zlib
from collections.abc import Iterable, Iterator
from hashlib import md5
from itertools import groupby
from operator import itemgetter
from pickle import dumps
from typing import Any, BinaryIO

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC
from whoosh.util.numeric import length_to_byte
from whoosh.writing import SegmentWriter

from tui.search.schema import Prepared, position_bytes

_RECORD = struct.Struct("<IfH")
"""One posting in a term's buffer: document number, weight, length of the value bytes that
follow (positions, as Whoosh's format encodes them)."""
_DOCNUM = struct.Struct("<I")
_WEIGHT_VLEN = struct.Struct("<fH")
"""The two parts of `_RECORD`, for records put together from a cached tail."""
_ONE_TAIL: dict[int, bytes] = {}
"""Record tail (weight 1, value length, value) of a one-position posting, by position."""


def _one_tail(poses: list[int]) -> bytes:
    vbytes = position_bytes(poses)
    tail = _WEIGHT_VLEN.pack(1.0, len(vbytes)) + vbytes
    if poses[0] < 65_536:
        _ONE_TAIL[poses[0]] = tail
    return tail


_RUN_ENTRY = struct.Struct("<HHI")
"""A term in a spilled run: field name length, term length, length of its posting records."""
_TERM_OVERHEAD = 150
"""Approximate bytes a new term costs beyond its records: the bytearray object, its dict slot,
the key (an estimate; it only decides when to spill)."""
_MAX_VALUE = 0xFFFF


class PostingBuffer:
    """Postings of the segment being written, grouped by field and term as they arrive."""

    def __init__(self, tempstore: Any, limitmb: float) -> None:
        self.tempstore = tempstore
        self.limit = int(limitmb * 1024 * 1024)
        self.size = 0
        self.fields: dict[str, dict[bytes, bytearray]] = {}
        self.runs: list[str] = []

    def add_document_field(
        self,
        fieldname: str,
        docnum: int,
        postings: Iterable[tuple[bytes, int, float, bytes | None]],
        boost: float,
    ) -> int:
        """Add one field's postings of one document; return the sum of the term frequencies."""
        terms = self.fields.get(fieldname)
        if terms is None:
            terms = self.fields[fieldname] = {}
        pack = _RECORD.pack
        get = terms.get
        grown = 0
        length = 0
        for tbytes, freq, weight, vbytes in postings:
            length += freq
            if vbytes is None:
                vbytes = b""
            if boost != 1.0:
                weight *= boost
            if len(vbytes) > _MAX_VALUE:
                raise ValueError(f"posting value of {len(vbytes)} bytes is too long")
            rec = pack(docnum, weight, len(vbytes)) + vbytes
            buf = get(tbytes)
            if buf is None:
                terms[tbytes] = bytearray(rec)
                grown += _TERM_OVERHEAD + len(tbytes) + len(rec)
            else:
                buf += rec
                grown += len(rec)
        self.size += grown
        if self.size > self.limit:
            self.save()
        return length

    def add_prepared(self, fieldname: str, docnum: int, value: Prepared, boost: float) -> int:
        """`add_document_field` for a `schema.Prepared` value, encoding its postings on the way
        in (one pass, no intermediate tuples); returns the sum of the term frequencies."""
        terms = self.fields.get(fieldname)
        if terms is None:
            terms = self.fields[fieldname] = {}
        pack = _RECORD.pack
        get = terms.get
        ones = _ONE_TAIL
        plain = boost == 1.0
        extra = value.extra or {}
        doc = _DOCNUM.pack(docnum)
        grown = 0
        length = 0
        for term, poses in value.positions.items():
            n = len(poses)
            length += n
            rec = None
            if n == 1 and plain and term not in extra:
                # The commonest posting: once in the field, weight 1; all but the document
                # number is the same for every such posting at this position.
                tail = ones.get(poses[0])
                if tail is None:
                    tail = _one_tail(poses)
                rec = doc + tail
            else:
                vbytes = position_bytes(poses)
                if len(vbytes) > _MAX_VALUE:
                    raise ValueError(f"posting value of {len(vbytes)} bytes is too long")
                rec = pack(docnum, (n + extra.get(term, 0.0)) * boost, len(vbytes)) + vbytes
            tbytes = term.encode("utf-8", "surrogatepass")
            buf = get(tbytes)
            if buf is None:
                terms[tbytes] = bytearray(rec)
                grown += _TERM_OVERHEAD + len(tbytes) + len(rec)
            else:
                buf += rec
                grown += len(rec)
        self.size += grown
        if self.size > self.limit:
            self.save()
        return length

    def add(self, item: tuple[str, bytes, int, float, bytes | None]) -> None:
        """One posting from anywhere else (segments merged into this one), as Whoosh's pool
        takes it: (field name, term bytes, document number, weight, value bytes)."""
        fieldname, tbytes, docnum, weight, vbytes = item
        self.add_document_field(fieldname, docnum, ((tbytes, 0, weight, vbytes),), 1.0)

    def save(self) -> None:
        """Write what is in memory as one sorted run and start afresh."""
        if not self.fields:
            return
        name = f"run{len(self.runs)}.postings"
        f = self.tempstore.create_file(name).raw_file()
        try:
            write = f.write
            entry = _RUN_ENTRY.pack
            for fieldname in sorted(self.fields):
                fbytes = fieldname.encode("utf-8")
                terms = self.fields[fieldname]
                for tbytes in sorted(terms):
                    data = terms[tbytes]
                    write(entry(len(fbytes), len(tbytes), len(data)))
                    write(fbytes)
                    write(tbytes)
                    write(data)
        finally:
            f.close()
        self.runs.append(name)
        self.fields = {}
        self.size = 0

    def _read_run(self, name: str) -> Iterator[tuple[str, bytes, bytes | bytearray]]:
        f: BinaryIO = self.tempstore.open_file(name).raw_file()
        try:
            read = f.read
            size = _RUN_ENTRY.size
            unpack = _RUN_ENTRY.unpack
            names: dict[bytes, str] = {}
            while True:
                head = read(size)
                if len(head) < size:
                    return
                flen, tlen, dlen = unpack(head)
                fbytes = read(flen)
                fieldname = names.get(fbytes)
                if fieldname is None:
                    fieldname = names[fbytes] = fbytes.decode("utf-8")
                yield fieldname, read(tlen), read(dlen)
        finally:
            f.close()

    def _in_memory(self) -> Iterator[tuple[str, bytes, bytes | bytearray]]:
        fields = self.fields
        for fieldname in sorted(fields):
            terms = fields[fieldname]
            for tbytes in sorted(terms):
                yield fieldname, tbytes, terms[tbytes]

    def terms(self) -> Iterator[tuple[str, bytes, bytes | bytearray]]:
        """(field name, term bytes, posting records) for every term, sorted by field then term,
        each term's records in document order."""
        if not self.runs:
            yield from self._in_memory()
            return
        sources = [self._read_run(name) for name in self.runs]
        sources.append(self._in_memory())
        merged = heapq.merge(*sources, key=itemgetter(0, 1))
        for (fieldname, tbytes), group in groupby(merged, key=itemgetter(0, 1)):
            parts = [data for _, _, data in group]
            yield fieldname, tbytes, parts[0] if len(parts) == 1 else b"".join(parts)

    def cleanup(self) -> None:
        for name in self.runs:
            with contextlib.suppress(OSError):
                self.tempstore.delete_file(name)
        self.runs = []
        self.fields = {}
        self.size = 0


def decode(data: bytes | bytearray) -> tuple[list[int], list[float], list[bytes]]:
    """A term's posting records as document numbers, weights and value bytes."""
    ids: list[int] = []
    weights: list[float] = []
    values: list[bytes] = []
    unpack = _RECORD.unpack_from
    size = _RECORD.size
    end = len(data)
    off = 0
    view = bytes(data)
    while off < end:
        docnum, weight, vlen = unpack(view, off)
        off += size
        ids.append(docnum)
        weights.append(weight)
        values.append(view[off : off + vlen])
        off += vlen
    return ids, weights, values


class FastWriter(SegmentWriter):
    """`SegmentWriter` with the postings path described in the module docstring.

    Documents whose indexed fields hold `schema.Prepared` postings skip analysis entirely; any
    other value is analysed by its field as usual. Term vectors and separate spelling fields
    are not supported (the Broadsheet schema has neither).
    """

    def __init__(self, ix: Any, limitmb: float = 128, **kwargs: Any) -> None:
        super().__init__(ix, limitmb=limitmb, **kwargs)
        self.pool = PostingBuffer(self._tempstorage, limitmb)
        self._lengths: dict[str, bytearray] = {}
        # Field lengths also arrive through the per-document writer when segments are merged
        # into this one (`write_per_doc`): record them there too.
        pdw = self.perdocwriter
        add_field = pdw.add_field
        record = self._record_length

        def add_field_recorded(fieldname: str, fieldobj: Any, value: Any, length: int) -> None:
            add_field(fieldname, fieldobj, value, length)
            if length:
                record(fieldname, pdw._docnum, length)

        pdw.add_field = add_field_recorded

    def _record_length(self, fieldname: str, docnum: int, length: int) -> None:
        lens = self._lengths.get(fieldname)
        if lens is None:
            lens = self._lengths[fieldname] = bytearray()
        at = docnum - self.docbase
        if len(lens) <= at:
            lens.extend(bytes(at + 1 - len(lens)))
        lens[at] = length_to_byte(length)

    def add_document(self, **fields: Any) -> None:
        self._check_state()
        perdocwriter = self.perdocwriter
        schema = self.schema
        docnum = self.docnum
        pool = self.pool
        docboost = self._doc_boost(fields)
        fieldnames = sorted(name for name in fields if not name.startswith("_"))
        self._check_fields(schema, fieldnames)
        perdocwriter.start_doc(docnum)
        try:
            for fieldname in fieldnames:
                value = fields[fieldname]
                if value is None:
                    continue
                field = schema[fieldname]
                if field.vector or (field.indexed and field.separate_spelling()):
                    raise NotImplementedError(f"field {fieldname!r}: vectors or spelling")
                length = 0
                if field.indexed:
                    boost = self._field_boost(fields, fieldname, docboost)
                    if isinstance(value, Prepared):
                        freqs = pool.add_prepared(fieldname, docnum, value, boost)
                    else:
                        freqs = pool.add_document_field(
                            fieldname, docnum, field.index(value), boost
                        )
                    if field.scorable:
                        length = freqs
                customval = fields.get(f"_stored_{fieldname}", value)
                # Through the wrapper installed in __init__, which records the length.
                perdocwriter.add_field(
                    fieldname, field, customval if field.stored else None, length
                )
                column = field.column_type
                if column and customval is not None:
                    perdocwriter.add_column_value(
                        fieldname, column, field.to_column_value(customval)
                    )
        except Exception:
            perdocwriter.cancel_doc()
            raise
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        fw = self.fieldwriter
        schema = self.schema
        lengths = self._lengths
        terms = _TermWriter(fw)
        current: str | None = None
        lens = bytearray()
        for fieldname, tbytes, data in self.pool.terms():
            if fieldname != current:
                if current is not None:
                    fw.finish_field()
                if fieldname not in schema:
                    current = None
                    continue
                current = fieldname
                fw.start_field(fieldname, schema[fieldname])
                terms.start_field(fw, schema[fieldname])
                lens = lengths.get(fieldname, bytearray())
                lens.extend(bytes(self.docnum - self.docbase - len(lens)))
            elif current is None:
                continue
            terms.add(tbytes, data, lens, self.docbase)
        if current is not None:
            fw.finish_field()
        fw.close()

    def _close_segment(self) -> None:
        super()._close_segment()
        self._lengths = {}


_TERM_INFO = struct.Struct("!BfIBBfIIqi")
"""A term's row in the terms file as `W3TermInfo.to_bytes` writes it for postings kept in the
postings file: flags, total weight, document frequency, min and max length bytes, max weight,
first and last document, then where its postings are (offset, length)."""
_KEY_VALUE = struct.Struct("!ii")
"""Lengths of key and value before each row of a Whoosh hash file."""
_BLOCK_LENGTH = struct.Struct("!i")
_FIELD_ID = struct.Struct("!H")
_MAGIC_SIZE = len(WHOOSH3_HEADER_MAGIC)

BLOCK_PICKLE = 3
"""Pickle protocol of a block's data. Whoosh uses 2, which has no opcode for bytes: each
posting's value (its positions) is written as a call to `codecs.encode` of a latin-1 string,
which makes blocks a third bigger, and slower to write and to read back at query time. Readers
call `pickle.loads`, which takes any protocol."""
COMPRESS_FROM = 64
"""Posting blocks whose pickle is shorter than this are stored uncompressed (Whoosh meant to
skip compressing below 20 bytes, but a slip in its code compresses every block): zlib's header
and trailer alone make a one-posting block longer."""


def _compress(data: bytes, level: int) -> bytes:
    """zlib with a window and hash table sized to the block: a block is a few hundred bytes,
    and what costs in zlib for one is not compressing it but setting up its default 32 KB
    window and 64 KB hash table (25 µs a call, against 5 µs sized to fit). Any zlib reader
    takes the stream: it records its window size."""
    bits = min(15, max(9, (len(data) - 1).bit_length()))
    packer = zlib.compressobj(level, zlib.DEFLATED, bits, max(1, bits - 7))
    return packer.compress(data) + packer.flush()


class _TermWriter:
    """Writes each term's postings and its row in the terms file straight to a Whoosh 3 field
    writer's files, as `W3PostingsWriter` and `W3FieldWriter.finish_term` would, without their
    per-posting and per-call overhead (most terms of a segment have one or two postings, so
    that overhead is most of a segment's writing time).

    Blocks are pickled with `BLOCK_PICKLE` and small ones are not compressed (see above); the
    terms file rows, their hashes and the field's term index are Whoosh's own.
    """

    def __init__(self, fw: Any) -> None:
        self.postfile = fw._postfile
        self.post_pos: int = self.postfile.tell()
        tindex = fw._tindex
        self.tindex = tindex
        self.index_append = tindex.index.append
        self.buckets = tindex.buckets
        self.term_pos: int = tindex.dbfile.tell()
        self.field_key = b""
        self.blocklimit = 128
        self.compression = 0
        self.fixed: int | None = None

    def start_field(self, fw: Any, field: Any) -> None:
        pw = fw._postwriter
        self.blocklimit = pw._blocklimit
        self.compression = pw._compression
        self.fixed = field.format.fixed_value_size()
        self.field_key = _FIELD_ID.pack(fw._fieldid)

    def add(self, tbytes: bytes, data: bytes | bytearray, lens: bytearray, docbase: int) -> None:
        """One term: its posting records (see `_RECORD`), written a block at a time."""
        view = bytes(data)
        unpack = _RECORD.unpack_from
        size = _RECORD.size
        end = len(view)
        blocklimit = self.blocklimit
        fixed = self.fixed
        level = self.compression
        write = self.postfile.write
        start = self.post_pos
        pos = start + _MAGIC_SIZE
        write(WHOOSH3_HEADER_MAGIC)
        total = 0.0
        count = 0
        term_low = 0  # no length seen yet
        term_high = 0
        term_top = 0.0
        first_id = -1
        last_id = 0
        off = 0
        while off < end:
            gaps: list[int] = []
            weights: list[float] = []
            values: list[bytes] = []
            low = 256
            high = 0
            top = 0.0
            prev = 0
            n = 0
            plain = True
            while off < end and n < blocklimit:
                docnum, weight, vlen = unpack(view, off)
                off += size
                if vlen:
                    values.append(view[off : off + vlen])
                    off += vlen
                gaps.append(docnum - prev)
                prev = docnum
                weights.append(weight)
                if weight != 1.0:
                    plain = False
                if weight > top:
                    top = weight
                lb = lens[docnum - docbase]
                if lb:
                    if lb < low:
                        low = lb
                    if lb > high:
                        high = lb
                n += 1
            if first_id < 0:
                first_id = gaps[0]
            last_id = prev
            total += sum(weights)
            count += n
            if high:
                term_low = low if not term_low else min(term_low, low)
                term_high = max(term_high, high)
            if top > term_top:
                term_top = top
            if plain:
                mini_weights: Any = None
            elif all(w == weights[0] for w in weights):
                mini_weights = weights[0]
            else:
                mini_weights = tuple(weights)
            if fixed is None or fixed < 0:
                mini_values: Any = tuple(values)
            elif fixed == 0:
                mini_values = None
            else:
                mini_values = b"".join(values)
            databytes = dumps((tuple(gaps), mini_weights, mini_values), BLOCK_PICKLE)
            comp = 0
            if level and len(databytes) >= COMPRESS_FROM:
                packed = _compress(databytes, level)
                if len(packed) < len(databytes):
                    comp, databytes = level, packed
            infobytes = dumps((n, prev, top, comp, low if high else 0, high), 2)
            blocklength = len(infobytes) + len(databytes)
            write(_BLOCK_LENGTH.pack(-blocklength if off >= end else blocklength))
            write(infobytes)
            write(databytes)
            pos += 4 + blocklength
        self.post_pos = pos
        # The term's row, as `OrderedHashWriter.add` files it.
        key = self.field_key + tbytes
        value = _TERM_INFO.pack(
            0, total, count, term_low, term_high, term_top, first_id, last_id, start, pos - start
        )
        tindex = self.tindex
        if key <= tindex.lastkey:
            raise ValueError(f"terms out of order: {tindex.lastkey!r}..{key!r}")
        tindex.lastkey = key
        at = self.term_pos
        self.index_append(at)
        tindex.dbfile.write(_KEY_VALUE.pack(len(key), len(value)) + key + value)
        self.term_pos = at + 8 + len(key) + len(value)
        h = int.from_bytes(md5(key, usedforsecurity=False).digest()[-4:], "big")
        self.buckets[h & 255].append((h, at))
