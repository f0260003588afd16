-- chk_exits
-- Grain: one row per row of the exits file, for the rules in checks/exits.toml.
-- is_repeat marks a row that exactly repeats an earlier one (a warning: counted once).
-- Text and date columns are left out, as in chk_participations: dates reach GX as whole days.
with exits as (
    select * from src_exits
),

exit_codes as (
    select * from src_exit_codes
)

select
    _row,
    exit_date - getvariable('as_of_date') as exit_days_after_as_of,
    exit_code in (select exit_code from exit_codes) as exit_code_is_known,
    row_number() over (partition by citizen_id, exit_date, exit_code order by _row) > 1
        as is_repeat
from exits
