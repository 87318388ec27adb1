import codecs

import pytest

from kg.errors import InputError
from kg.text.decode import decode_bytes, read_text_file as read_source

TEXT = "到2021年，中关村示范区有效发明专利拥有量超过15万件。"


@pytest.mark.parametrize("encoding, data", [
    ("utf-8", TEXT.encode("utf-8")),
    ("utf-8-sig", codecs.BOM_UTF8 + TEXT.encode("utf-8")),
    ("utf-16", TEXT.encode("utf-16")),  # with BOM
    ("utf-16-le", TEXT.encode("utf-16-le")),  # without: some Windows tools save so
    ("utf-16-be", TEXT.encode("utf-16-be")),
    ("gb18030", TEXT.encode("gb18030")),
    ("gb18030", TEXT.encode("gbk")),
])
def test_decodes_common_chinese_encodings(encoding, data):
    source = decode_bytes(data, "x.txt")
    assert source.text == TEXT
    assert source.encoding == encoding


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"   \n\n ", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
    (bytes(range(0x80, 0x100)) * 4, "convert it to UTF-8"),
])
def test_refuses_what_is_not_text(data, reason):
    with pytest.raises(InputError, match=reason):
        decode_bytes(data, "x.bin")


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_source(tmp_path / "absent.txt")


def test_directory_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="directory"):
        read_source(tmp_path)
