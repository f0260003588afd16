-- chk_satisfaction
-- Grain: one row per row of the satisfaction file, for the rules in checks/satisfaction.toml.
-- Text columns are left out, as in chk_participations (one answer per participation can make a
-- file as long as participations).
with answers as (
    select * from src_satisfaction
)

select
    _row,
    score,
    participation_id in (select participation_id from src_participations)
        as participation_is_known
from answers
