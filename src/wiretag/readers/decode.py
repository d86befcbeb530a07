"""Bytes to text: UTF-8 first, byte-order marks honoured, other encodings detected.

Every failure is a coded ``WiretagError``: W103 empty, W104 binary, W105 undecodable.
"""

from __future__ import annotations

import codecs

from wiretag.errors import WiretagError

__all__ = ["decode_bytes", "looks_binary"]

#: magic numbers of formats that are certainly not stories
_BINARY_MAGIC = (
    b"\x89PNG", b"%PDF", b"PK\x03\x04", b"\xff\xd8\xff", b"GIF8", b"\x7fELF", b"BZh",
    b"\xfd7zXZ", b"SQLite format 3", b"MZ", b"\x00asm", b"OggS", b"RIFF",
)  # fmt: skip
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: share of control characters above which "text" is really binary data
_MAX_CONTROL_SHARE = 0.05  # random bytes run at ~10%, real text at ~0%
_TEXT_CONTROLS = {"\t", "\n", "\r", "\f", "\v", "\x1b"}


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:65536]
    bad = sum(1 for ch in sample if (ch < " " or ch == "\x7f") and ch not in _TEXT_CONTROLS)
    return bad / len(sample)


def looks_binary(data: bytes) -> bool:
    """True for known binary formats and byte strings dense with control bytes."""
    if data.startswith(_BINARY_MAGIC):
        return True
    sample = data[:65536]
    # NUL-heavy data without a BOM is UTF-16 only by accident; treat it as binary.
    bad = sum(1 for b in sample if (b < 32 and b not in (9, 10, 12, 13, 11, 27)) or b == 127)
    return bool(sample) and bad / len(sample) > _MAX_CONTROL_SHARE


def decode_bytes(
    data: bytes, *, path: str | None = None, encoding: str | None = None
) -> str:
    """Decode ``data`` as text. ``encoding`` forces one; otherwise a byte-order mark, then
    UTF-8, then charset-normalizer's detection decide."""
    if not data.strip():
        raise WiretagError("W103", "the file is empty", path=path)
    if encoding is not None:
        try:
            return data.decode(encoding)
        except LookupError as exc:
            raise WiretagError(
                "W105", f"unknown encoding {encoding!r}", path=path,
                hint="Pass a Python codec name to --encoding, such as utf-8 or cp1252.",
            ) from exc
        except UnicodeDecodeError as exc:
            raise WiretagError(
                "W105", f"bytes at offset {exc.start} are not valid {encoding}", path=path
            ) from exc
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise WiretagError(
                    "W105", f"text after its {codec} byte-order mark does not decode", path=path
                ) from exc
    if looks_binary(data):
        raise WiretagError("W104", "the file holds binary data, not text", path=path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _detect(data, path=path)
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise WiretagError("W104", "the file holds binary data, not text", path=path)
    return text


def _detect(data: bytes, *, path: str | None) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise WiretagError(
            "W105", "the text is not UTF-8 and its encoding could not be detected", path=path
        )
    return str(best)
