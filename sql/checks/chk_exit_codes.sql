-- chk_exit_codes
-- Grain: one row per row of the exit_codes file, for the rules in checks/exit_codes.toml.
with exit_codes as (
    select * from src_exit_codes
)

select
    _row,
    count(*) over (partition by exit_code) as exit_code_occurrences
from exit_codes
