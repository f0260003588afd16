-- Shared formulas of SPEC §2 and §2.1, written once and used by the models.

-- Quarter of a date: its first day, and its label as in `2026Q2`.
create or replace macro quarter_start(day) as date_trunc('quarter', day)::date;
create or replace macro quarter_label(day) as
    year(day)::varchar || 'Q' || quarter(day)::varchar;

-- Age band of SPEC §2: <30, 30-49, 50+.
create or replace macro age_band(age_years) as
    case when age_years < 30 then '<30' when age_years < 50 then '30-49' else '50+' end;

-- Wilson score interval for x effects out of n (SPEC §2.1), z = 1.959963984540054.
-- Mathematically the bounds lie in [0, 1] and equal 0 at x = 0 and 1 at x = n; the clamp removes
-- the last-digit rounding of floating point there. Empty when n = 0.
create or replace macro wilson_bound(x, n, side) as
    case when n > 0 then
        least(1.0, greatest(0.0,
            (x::double / n + 1.959963984540054 ^ 2 / (2 * n)
                + side * 1.959963984540054
                    * sqrt(x::double / n * (1 - x::double / n) / n
                        + 1.959963984540054 ^ 2 / (4 * n::double ^ 2)))
            / (1 + 1.959963984540054 ^ 2 / n)))
    end;
create or replace macro wilson_low(x, n) as wilson_bound(x, n, -1);
create or replace macro wilson_high(x, n) as wilson_bound(x, n, 1);
