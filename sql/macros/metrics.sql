-- Shared formulas of SPEC §2 and §2.1, written once and used by the models.

-- Quarter of a date: its first day, and its label as in `2026Q2`.
create or replace macro quarter_start(day) as date_trunc('quarter', day)::date;
create or replace macro quarter_label(day) as
    year(day)::varchar || 'Q' || quarter(day)::varchar;

-- Validities of price rows and contracts: valid_from … valid_to, both days included, valid_to
-- empty for open-ended (SPEC §1.2). validity_end is the one place that reads an empty valid_to.
create or replace macro validity_end(valid_to) as coalesce(valid_to, date '9999-12-31');

-- A day within a validity: the price row of a participation's start_date (SPEC §2), the
-- participations a contract covers (SPEC §2.2).
create or replace macro is_valid_on(day, valid_from, valid_to) as
    day between valid_from and validity_end(valid_to);

-- Two validities that share at least one day (overlapping price rows of one offer, SPEC §5).
create or replace macro validities_overlap(
    valid_from, valid_to, other_valid_from, other_valid_to
) as
    valid_from <= validity_end(other_valid_to) and other_valid_from <= validity_end(valid_to);

-- A validity that overlaps the evaluated quarter: a contract valid at any time in it (SPEC §2.2).
create or replace macro is_valid_in_quarter(valid_from, valid_to) as
    valid_from <= getvariable('quarter_end_date')
    and validity_end(valid_to) >= getvariable('quarter_start_date');

-- Preliminary (SPEC §2.1): the as-of date is before the day on which every participation of the
-- evaluated quarter's cohort has had its whole follow-up window (the run variable
-- follow_up_complete_date, from Quarter.follow_up_complete_date). Every mart with a preliminary
-- column takes it from here, and Python reads it from quarter_overview.
create or replace macro is_preliminary() as
    getvariable('as_of_date') < getvariable('follow_up_complete_date');

-- The workbook's trends: the evaluated quarter and the seven before it (a provider's scorecard
-- shows all eight; the tender basis the last four, TREND_QUARTERS in scorecards.py).
create or replace macro trend_quarters() as 8;

-- The Monday numbers (SPEC §2.4): avg_4w averages the weeks w−3 … w; the workbook's chart shows
-- the 13 weeks ending with w.
create or replace macro average_weeks() as 4;
create or replace macro chart_weeks() as 13;

-- Age band of SPEC §2: <30, 30-49, 50+.
create or replace macro age_band(age_years) as
    case when age_years < 30 then '<30' when age_years < 50 then '30-49' else '50+' end;

-- The normal quantiles of the two-sided 95 % and 99.8 % levels: the Wilson interval (SPEC §2.1),
-- the funnel plots' control limits (docs/decisions.md, "The workbook" and "Jobcenters").
create or replace macro z_95() as 1.959963984540054;
create or replace macro z_998() as 3.090232306167813;

-- A control limit of the funnel plot of effect rates (docs/decisions.md, "The workbook"): the
-- binomial limit p + z·sqrt(p(1−p)/n) around the overall rate p at n participants, by the normal
-- approximation; z < 0 gives the lower limit, e.g. funnel_limit(p, n, -z_95()).
create or replace macro funnel_limit(rate, n, z) as rate + z * sqrt(rate * (1 - rate) / n);

-- Wilson score interval for x effects out of n (SPEC §2.1), z = z_95(); side -1 for
-- the lower bound, +1 for the upper. Mathematically the lower bound is exactly 0 at x = 0 and the
-- upper bound exactly 1 at x = n; floating point lands a digit off there, so those two cases are
-- stated. Empty when n = 0.
create or replace macro wilson_bound(x, n, side) as
    case
        when n = 0 then null
        when side < 0 and x = 0 then 0.0
        when side > 0 and x = n then 1.0
        else
            (x::double / n + z_95() ^ 2 / (2 * n)
                + side * z_95()
                    * sqrt(x::double / n * (1 - x::double / n) / n
                        + z_95() ^ 2 / (4 * n::double ^ 2)))
            / (1 + z_95() ^ 2 / n)
    end;
create or replace macro wilson_low(x, n) as wilson_bound(x, n, -1);
create or replace macro wilson_high(x, n) as wilson_bound(x, n, 1);

-- The weeks a participation of `days` days has started (SPEC §2: a per-week price bills every
-- started week; §2.8: the citizen's benefit weeks while in the offer): ceil(days / 7).
create or replace macro started_weeks(days) as (days + 6) // 7;

-- The numbers of weeks saved the business case is computed for (SPEC §2.8): the configured
-- weeks_saved, and 13, 26 and 52 for the Metode sheet's sensitivity table.
create or replace macro weeks_saved_scenarios() as
    list_distinct([13, 26, 52, getvariable('weeks_saved')]);

-- The business case of SPEC §2.8: how many of the saved benefit weeks first_saved … last_saved
-- fall in the refusion step first_week … last_week (last_week empty: the open last step).
create or replace macro saved_weeks_in_step(first_saved, last_saved, first_week, last_week) as
    greatest(
        0,
        least(last_saved, coalesce(last_week, last_saved)) - greatest(first_saved, first_week) + 1
    );
