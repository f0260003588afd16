-- Seeded draws for the synthetic extract (`evaluator synth`). The same seed, row number and salt
-- always give the same number in [0, 1), so an extract is the same for a seed however DuckDB
-- splits the work, and no row needs another row to be generated.
create or replace macro draw(row_number, salt) as
    (hash(getvariable('seed'), row_number, salt) % 1000000007)::double / 1000000007;

-- One of a list, by weights that sum to 1 (the cumulative weights are given).
create or replace macro pick(choices, cumulative_weights, u) as
    choices[list_position(list_transform(cumulative_weights, lambda w: u < w), true)];

-- An offer's attributes are draws from its number, so a participation can know its offer's
-- type, duration range and quality without a join (a join would lose the rows' order).
create or replace macro synth_offer_id(offer_number) as
    'T' || lpad(offer_number::varchar, 6, '0');
create or replace macro synth_offer_type(offer_number) as
    pick(
        ['vejledning_opkvalificering', 'virksomhedspraktik', 'loentilskud', 'mentor',
         'jobsoegning'],
        [0.25, 0.45, 0.6, 0.8, 1.0],
        draw(offer_number, 'type')
    );
create or replace macro synth_duration_range_days(offer_type) as
    case offer_type
        when 'vejledning_opkvalificering' then [14, 84]
        when 'virksomhedspraktik' then [28, 91]
        when 'loentilskud' then [56, 182]
        when 'mentor' then [28, 182]
        else [7, 42]
    end;
create or replace macro synth_offer_quality(offer_number) as
    0.6 + 0.9 * draw(offer_number, 'quality');
