-- Parsing rules for input values (SPEC §1.1). Every input value arrives as text; these macros
-- turn it into its type or into NULL, and the reader reports each non-empty value that became
-- NULL with its file, row and column.
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

create or replace macro parse_decimal(value, notation) as
    case
        when notation = 'danish'
            and regexp_full_match(trim(value), '-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?')
            then try_cast(replace(replace(trim(value), '.', ''), ',', '.') as decimal(38, 10))
        when notation = 'plain' and regexp_full_match(trim(value), '-?\d+(\.\d+)?')
            then try_cast(trim(value) as decimal(38, 10))
    end;

create or replace macro parse_integer(value, notation) as
    case
        when parse_decimal(value, notation) = trunc(parse_decimal(value, notation))
            then try_cast(parse_decimal(value, notation) as bigint)
    end;

create or replace macro parse_code(value, allowed) as
    case when list_contains(allowed, lower(trim(value))) then lower(trim(value)) end;

-- A label of the settings' `[values.<table>.<column>]` (SPEC §1.3) as its spec value; `labels`
-- are trimmed and in lower case, `codes` the spec values in the same order. Any other text is
-- returned as it stands, so that the parser judges it.
create or replace macro map_label(value, labels, codes) as
    coalesce(codes[list_position(labels, lower(trim(value)))], value);
