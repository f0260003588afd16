-- chk_exit_codes
-- Grain: one row per row of the exit_codes file, for the rules in checks/exit_codes.toml.
-- The file is small (a code list): exit_code goes into the batch as text and GX tests its
-- uniqueness itself.
with exit_codes as (
    select * from src_exit_codes
)

select
    _row,
    exit_code
from exit_codes
