"""Find an extract's files and work out their dialect (SPEC §1.1) before any value is read.

Everything here looks at bytes and the header line only; values are read by DuckDB.
"""

import codecs
import csv
import hashlib
import itertools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from evaluator.findings import UsageError
from evaluator.io.schema import Table

Encoding = Literal["utf-8", "cp1252"]
SUFFIXES = (".csv", ".xlsx", ".parquet")
CHUNK_BYTES = 1 << 20
# A UTF-8 encoded æ, ø, å, é … (two bytes, lead C3 or C5) in a file that is not valid UTF-8:
# read as Windows-1252 it would become two wrong letters. Such a file mixes two encodings.
UTF8_LETTER = re.compile(rb"[\xc3\xc5][\x80-\xbf]")


class UnreadableFileError(Exception):
    """The file cannot be read as its kind says; the message says why.

    `rule` names the problem for data_quality.csv; `row` is the row it was found at, if one.
    """

    def __init__(self, message: str, rule: str = "unreadable_file", row: int = 0) -> None:
        super().__init__(message)
        self.rule = rule
        self.row = row


class LayoutError(Exception):
    """A `[files.<table>]` key that does not fit the file; `key` names it, the message says why.

    The reader raises it without knowing the settings file; `load_table` names that file and the
    table.
    """

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


@dataclass(frozen=True)
class FileLayout:
    """Where a table's header is in its file (`[files.<table>]`).

    `sheet` None is the first sheet; `header_row` None is the first line of a CSV file, or the
    first row of the sheet that holds anything.
    """

    sheet: str | None = None
    header_row: int | None = None


DEFAULT_LAYOUT = FileLayout()


@dataclass(frozen=True)
class CsvDialect:
    """How a CSV file is written: its encoding, delimiter and header names as they stand, and
    whether its lines end in more than one way."""

    encoding: Encoding
    delimiter: str
    header: list[str]
    mixed_line_endings: bool = False

    @property
    def number_notation(self) -> str:
        """`;` files use Danish numbers (`12.500,50`), `,` files plain ones (`12500.50`)."""
        return "danish" if self.delimiter == ";" else "plain"


def require_extract_folder(data: Path) -> None:
    """`--data` names a folder, or the user hears what it names instead."""
    if data.is_file():
        raise UsageError(
            f"{data}: a file, not a folder; --data must name the folder that holds the "
            "extract's files"
        )
    if not data.is_dir():
        raise UsageError(f"{data}: no such folder; --data must name the extract's folder")


def find_table_files(folder: Path, table: Table) -> list[Path]:
    """All files in `folder` named after `table` with a supported suffix, any letter case."""
    return sorted(
        path
        for path in folder.iterdir()
        if path.is_file() and path.stem.lower() == table.name and path.suffix.lower() in SUFFIXES
    )


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK_BYTES), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class FileText:
    """What the bytes of a text file say before it is read: its encoding, and whether its lines
    end in more than one way (some in CRLF, some in LF, as when two programs wrote the file)."""

    encoding: Encoding
    mixed_line_endings: bool


class LineEndings:
    """The kinds of line ending seen in a file read chunk by chunk (`\r\n` may straddle two)."""

    def __init__(self) -> None:
        self.kinds: set[str] = set()
        self.pending_cr = b""

    def add(self, chunk: bytes) -> None:
        data = self.pending_cr + chunk
        self.pending_cr = b"\r" if data.endswith(b"\r") else b""
        if self.pending_cr:
            data = data[:-1]
        crlf = data.count(b"\r\n")
        if crlf:
            self.kinds.add("crlf")
        if data.count(b"\n") > crlf:
            self.kinds.add("lf")
        if data.count(b"\r") > crlf:
            self.kinds.add("cr")

    @property
    def are_mixed(self) -> bool:
        return len(self.kinds | ({"cr"} if self.pending_cr else set())) > 1


def detect_encoding(path: Path) -> Encoding:
    """The encoding alone, for a reader that splits lines itself (`evaluator map`'s preview)."""
    return scan_text(path).encoding


def scan_text(path: Path) -> FileText:
    """UTF-8 when every byte of the file decodes as UTF-8, else Windows-1252 (SPEC §1.1); and
    how its lines end.

    The whole file is decoded in chunks: a single `ø` written by Excel in Windows-1252 on the
    last line must switch the encoding, and memory must stay flat for a national extract. The
    line endings are counted in the same pass, so a file is read once for both.
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    endings = LineEndings()
    encoding: Encoding = "utf-8"
    with path.open("rb") as handle:
        first = handle.read(CHUNK_BYTES)
        refuse_binary(first)
        for chunk in itertools.chain([first], iter(lambda: handle.read(CHUNK_BYTES), b"")):
            endings.add(chunk)
            if encoding == "utf-8":
                encoding = decoded_as_utf8(decoder, chunk)
        if encoding == "utf-8":
            encoding = decoded_as_utf8(decoder, b"", final=True)
    if encoding == "cp1252":
        refuse_mixed_encodings(path)
    return FileText(encoding, endings.are_mixed)


def decoded_as_utf8(
    decoder: codecs.IncrementalDecoder, chunk: bytes, final: bool = False
) -> Encoding:
    try:
        decoder.decode(chunk, final)
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def refuse_binary(first: bytes) -> None:
    """Stop on bytes that are not CSV text; a UTF-16 file (Excel's "Unicode text") says so."""
    if first.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise UnreadableFileError(
            'the file is UTF-16 text (Excel\'s "Unicode text"); save it as UTF-8 '
            '(in Excel: Save as, "CSV UTF-8")'
        )
    if b"\x00" in first:
        raise UnreadableFileError("the file holds binary data, not CSV text")


def refuse_mixed_encodings(path: Path) -> None:
    """Stop on a file that is part UTF-8, part Windows-1252: either reading garbles some text."""
    line = 1
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK_BYTES), b""):
            match = UTF8_LETTER.search(chunk)
            if match:
                line += chunk.count(b"\n", 0, match.start())
                raise UnreadableFileError(
                    f"the file mixes encodings: line {line} is UTF-8, other lines are not; "
                    "save the whole file as UTF-8",
                    rule="mixed_encoding",
                    row=line - 1,
                )
            line += chunk.count(b"\n")


def copy_from_header(source: Path, target: Path, encoding: Encoding, header_row: int) -> None:
    """Rewrite a CSV file from its header line on, as UTF-8 with every line ending in LF.

    DuckDB reads such a copy where it fails on the file itself: it has no encodings extension
    offline (that extension is downloaded at first use, which fails on many municipal networks),
    and with lines that end in two ways, or title lines above the header that end otherwise than
    the rows, it reads no rows or stops in its parser. Lines are split as the header line is
    found (`read_header_line`), so the copy starts at the same line.
    """
    with (
        source.open("r", encoding=text_codec(encoding), newline=None) as reader,
        target.open("w", encoding="utf-8", newline="\n") as writer,
    ):
        try:
            for _ in itertools.islice(reader, header_row - 1):
                pass
            for text in iter(lambda: reader.read(CHUNK_BYTES), ""):
                writer.write(text)
        except UnicodeDecodeError as error:
            raise UnreadableFileError(
                "the file holds a byte that is neither UTF-8 nor Windows-1252 text"
            ) from error


def text_codec(encoding: Encoding) -> str:
    """The codec that reads a file's text: UTF-8 without its byte order mark, or Windows-1252."""
    return "utf-8-sig" if encoding == "utf-8" else "cp1252"


def split_header_line(line: str) -> tuple[str, list[str]]:
    """A header line's delimiter (`;` if it has one, else `,`: SPEC §1.1) and its cells."""
    delimiter = ";" if ";" in line else ","
    return delimiter, next(csv.reader([line], delimiter=delimiter, quotechar='"'), [])


def read_header_line(path: Path, encoding: Encoding, header_row: int) -> str:
    """Line `header_row` (1-based) of the file, where its header is."""
    with path.open("r", encoding=text_codec(encoding), newline="") as handle:
        for number, line in enumerate(handle, start=1):
            if number == header_row:
                return line.rstrip("\r\n")
    raise LayoutError("header_row", f"the file has only {number} lines")


def detect_csv_dialect(path: Path, header_row: int = 1) -> CsvDialect:
    """Encoding from the bytes, delimiter from the header line: `;` if it has one, else `,`."""
    if path.stat().st_size == 0:
        raise UnreadableFileError("the file is empty (0 bytes); a header row is needed")
    text = scan_text(path)
    header_line = read_header_line(path, text.encoding, header_row)
    if not header_line.strip():
        line = "the first line" if header_row == 1 else f"line {header_row}"
        raise UnreadableFileError(f"{line} is empty; it must hold the column names")
    delimiter, header = split_header_line(header_line)
    return CsvDialect(text.encoding, delimiter, header, text.mixed_line_endings)
