-- chk_satisfaction
-- Grain: one row per row of the satisfaction file, for the rules in checks/satisfaction.toml.
with answers as (
    select * from src_satisfaction
)

select
    _row,
    participation_id,
    score,
    participation_id in (select participation_id from src_participations)
        as participation_is_known
from answers
