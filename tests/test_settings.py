"""Settings file (TOML): defaults, overrides, and errors for unknown keys and bad values."""

import duckdb
import pytest

from evaluator.findings import UsageError
from evaluator.settings import EngineSettings, Settings, load_settings


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
        ('[duckdb]\nmemory_limit = "lots"\n', "memory_limit must be a size"),
        ("[duckdb]\nthreads = 0\n", "threads must be a whole number ≥ 1"),
        ('[duckdb]\ntemp_directory = "/no/such/parent/spill"\n', "temp_directory must be"),
        ("[duckdb]\nmemory = 3\n", "unknown setting(s): memory"),
    ],
)
def test_bad_settings_are_usage_errors(tmp_path, text, message):
    with pytest.raises(UsageError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_settings(write(tmp_path, text))


def test_duckdb_settings_reach_the_connection(tmp_path):
    spill = tmp_path / "spill"
    path = write(
        tmp_path,
        f'[duckdb]\nmemory_limit = "1GB"\nthreads = 1\ntemp_directory = "{spill}"\n',
    )
    engine = load_settings(path).engine
    assert engine == EngineSettings("1GB", 1, str(spill))
    con = duckdb.connect(config=engine.duckdb_config())
    settings = dict(
        con.execute(
            "select name, value from duckdb_settings() "
            "where name in ('memory_limit', 'threads', 'temp_directory')"
        ).fetchall()
    )
    assert settings["threads"] == "1"
    assert settings["temp_directory"] == str(spill)
    assert settings["memory_limit"] in ("953.6 MiB", "1.0 GiB", "1000.0 MB")


def test_duckdb_defaults_spill_to_a_fresh_temporary_folder():
    first, second = EngineSettings().duckdb_config(), EngineSettings().duckdb_config()
    assert first["memory_limit"] == "3GB" and "threads" not in first
    assert first["temp_directory"] != second["temp_directory"]
    assert "evaluator-spill-" in first["temp_directory"]
