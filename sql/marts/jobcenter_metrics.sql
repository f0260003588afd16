-- jobcenter_metrics
-- Grain: one row per jobcenter with cohort participations in the evaluated quarter.
-- Rules (SPEC §2.7): the group metrics of SPEC §2.1 per jobcenter (from int_group_metrics, so
-- expected effects come from the strata of the whole cohort), preliminary, and rank: 1 = the
-- highest O/E among the non-suppressed jobcenters; an empty O/E ranks last; ties by jobcenter
-- name; empty for suppressed jobcenters. Every jobcenter is listed, also on a --jobcenter run.
-- O/E ratios are compared rounded to nine decimals: two ratios equal in exact arithmetic can
-- differ in the last binary digit, and that noise must not decide a rank (docs/decisions.md).
with jobcenter_group_metrics as (
    select * from int_group_metrics
    where group_kind = 'jobcenter'
        and cohort_quarter_start_date = getvariable('quarter_start_date')
),

ranked as (
    select
        *,
        case when not is_suppressed then
            row_number() over (
                partition by is_suppressed
                order by round(oe_ratio, 9) desc nulls last, group_id
            )
        end as rank
    from jobcenter_group_metrics
)

select
    getvariable('quarter_label') as quarter,
    group_id as jobcenter,
    participants,
    completed,
    dropped_out,
    job_exits,
    education_exits,
    effects,
    effect_rate,
    effect_rate_ci_low,
    effect_rate_ci_high,
    total_cost_dkk,
    cost_per_participant_dkk,
    effect_price_dkk,
    expected_effects,
    oe_ratio,
    adjusted_effect_rate,
    adjusted_effect_price_dkk,
    is_suppressed,
    is_preliminary() as is_preliminary,
    rank
from ranked
order by jobcenter
