-- Parsing rules for input values (SPEC §1.1). Every input value arrives as text, but a Parquet
-- integer or date column, which keeps its type (`typed_date` below); these macros turn a text
-- into its type or into NULL, and the reader reports each non-empty value that became NULL with
-- its file, row and column.
--
-- Dates: YYYY-MM-DD, DD-MM-YYYY, DD.MM.YYYY or DD/MM/YYYY, always day first, four-digit years.
-- Numbers: `danish` notation (`;` files) has `.` thousands and `,` decimals (12.500,50);
-- `plain` notation (`,` files, XLSX, Parquet) has `.` decimals and no thousands separator.
-- Amounts and rates are held as DECIMAL(38, 10) so that sums of money are exact.

create or replace macro clean_text(value) as nullif(trim(value), '');

create or replace macro parse_date(value) as
    case
        when regexp_full_match(trim(value), '\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{4}')
            then try_strptime(trim(value), ['%Y-%m-%d', '%d-%m-%Y', '%d.%m.%Y', '%d/%m/%Y'])::date
    end;

-- A Parquet date column is typed already (`evaluator.io.parse.NATIVE_TYPES`): a date of a year
-- from 1000 to 9999 is what its ISO text parses to; any other date (year 10000, a BC date,
-- infinity) is judged by its text, as the same value in a CSV file would be.
create or replace macro typed_date(value) as
    case
        when value between date '1000-01-01' and date '9999-12-31' then value
        else parse_date(cast(value as varchar))
    end;

create or replace macro parse_decimal(value, notation) as
    case
        when notation = 'danish'
            and regexp_full_match(trim(value), '-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?')
            then try_cast(replace(replace(trim(value), '.', ''), ',', '.') as decimal(38, 10))
        when notation = 'plain' and regexp_full_match(trim(value), '-?\d+(\.\d+)?')
            then try_cast(trim(value) as decimal(38, 10))
    end;

-- Digits alone (at most 18, so they fit a BIGINT) are the usual integer and are cast at once:
-- they parse to the same number through a decimal in either notation, which took four times as
-- long (1.7 against 0.4 s for the two integer columns of 5 million CSV participations).
create or replace macro parse_integer(value, notation) as
    case
        when regexp_full_match(trim(value), '-?\d{1,18}') then cast(trim(value) as bigint)
        when parse_decimal(value, notation) = trunc(parse_decimal(value, notation))
            then try_cast(parse_decimal(value, notation) as bigint)
    end;

create or replace macro parse_code(value, allowed) as
    case when list_contains(allowed, lower(trim(value))) then lower(trim(value)) end;

-- The spec value of a label of the settings' `[values.<table>.<column>]` (SPEC §1.3), NULL for
-- any other text. `labels` are trimmed and in lower case, `spec_values` (already typed) are in
-- the same order. A column's type is `coalesce(map_label(...), parse_...(value))`: a label
-- takes its value before the parser judges the text, and the parser reads the file's own column,
-- whose Parquet dictionary it can use (a recoded copy would be parsed row by row, 10 % slower).
create or replace macro map_label(value, labels, spec_values) as
    spec_values[list_position(labels, lower(trim(value)))];
