"""Settings file (TOML): defaults, overrides, and errors for unknown keys and bad values."""

import pytest

from evaluator.findings import UsageError
from evaluator.settings import Settings, load_settings


def write(tmp_path, text: str):
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_a_file():
    assert load_settings(None) == Settings(window_days=91, suppress_below=5, min_participants=10)


def test_a_file_overrides_the_keys_it_names(tmp_path):
    path = write(tmp_path, "[evaluation]\nwindow_days = 182\nsuppress_below = 3\n")
    assert load_settings(path) == Settings(window_days=182, suppress_below=3, min_participants=10)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[evaluation]\nwindows_days = 30\n", "unknown setting(s): windows_days"),
        ("[evalution]\nwindow_days = 30\n", "unknown setting(s): evalution"),
        ("[evaluation]\nwindow_days = -1\n", "window_days must be a whole number ≥ 0"),
        ("[evaluation]\nmin_participants = 0\n", "min_participants must be a whole number ≥ 1"),
        ("[evaluation]\nsuppress_below = '5'\n", "suppress_below must be a whole number"),
        ("[evaluation\n", "not a valid TOML file"),
    ],
)
def test_bad_settings_are_usage_errors(tmp_path, text, message):
    with pytest.raises(UsageError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_settings(write(tmp_path, text))
