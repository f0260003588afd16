"""Find an extract's files and work out their dialect (SPEC §1.1) before any value is read.

Everything here looks at bytes and the header line only; values are read by DuckDB.
"""

import codecs
import csv
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

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
    """How a CSV file is written: its encoding, delimiter and header names as they stand."""

    encoding: Encoding
    delimiter: str
    header: list[str]

    @property
    def number_notation(self) -> str:
        """`;` files use Danish numbers (`12.500,50`), `,` files plain ones (`12500.50`)."""
        return "danish" if self.delimiter == ";" else "plain"


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


def detect_encoding(path: Path) -> Encoding:
    """UTF-8 when every byte of the file decodes as UTF-8, else Windows-1252 (SPEC §1.1).

    The whole file is decoded in chunks: a single `ø` written by Excel in Windows-1252 on the
    last line must switch the encoding, and memory must stay flat for a national extract.
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    with path.open("rb") as handle:
        first = handle.read(CHUNK_BYTES)
        if b"\x00" in first:
            raise UnreadableFileError("the file holds binary data, not CSV text")
        try:
            decoder.decode(first)
            for chunk in iter(lambda: handle.read(CHUNK_BYTES), b""):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            refuse_mixed_encodings(path)
            return "cp1252"
    return "utf-8"


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


def transcode_to_utf8(source: Path, target: Path) -> None:
    """Rewrite a Windows-1252 file as UTF-8 so DuckDB can read it without its encodings extension.

    That extension is downloaded at first use, which fails offline and on many municipal networks.
    """
    decoder = codecs.getincrementaldecoder("cp1252")()
    with source.open("rb") as reader, target.open("w", encoding="utf-8", newline="") as writer:
        try:
            for chunk in iter(lambda: reader.read(CHUNK_BYTES), b""):
                writer.write(decoder.decode(chunk))
            writer.write(decoder.decode(b"", final=True))
        except UnicodeDecodeError as error:
            raise UnreadableFileError(
                f"byte {error.start} is neither UTF-8 nor Windows-1252 text"
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
    encoding = detect_encoding(path)
    header_line = read_header_line(path, encoding, header_row)
    if not header_line.strip():
        line = "the first line" if header_row == 1 else f"line {header_row}"
        raise UnreadableFileError(f"{line} is empty; it must hold the column names")
    delimiter, header = split_header_line(header_line)
    return CsvDialect(encoding=encoding, delimiter=delimiter, header=header)
