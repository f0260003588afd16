-- chk_progression
-- Grain: one row per row of the progression file, for the rules in checks/progression.toml.
-- citizen_id is left out: no rule needs it.
with assessments as (
    select * from src_progression
)

select
    _row,
    score
from assessments
