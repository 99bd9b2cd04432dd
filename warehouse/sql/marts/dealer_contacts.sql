-- the dealer page's customer contacts, masked: unmasked PII never leaves DuckDB.
-- params: $brand ('Hyundai' or 'Kia').
-- phone: a leading "+country" code and the last four digits stay, other digits become *
--   (an extension such as 555-123-4567x89 is dropped: it would show digits past the last four);
-- email: the first letter of the local part and the domain stay (j***@example.com);
-- address: the first word (a city or region) stays, the rest becomes *** (Seoul ***).
with contacts as (
    select customer_id, phone, email, address from customers where brand = $brand
),

without_extension as (
    -- an extension (555-123-4567x89) is dropped: it would show digits past the last four
    select
        customer_id, email, address,
        regexp_replace(phone, '\s*(?i:x|ext\.?)\s*\d+$', '') as phone
    from contacts
),

parts as (
    select
        customer_id, phone, email, address,
        regexp_extract(phone, '^\+\d{1,3}', 0) as prefix,
        regexp_extract(phone, '\d\D*\d\D*\d\D*\d\D*$', 0) as tail
    from without_extension
),

final as (
    select
        customer_id,
        case
            when phone is null then null
            when tail = '' then regexp_replace(phone, '\d', '*', 'g')
            else prefix || regexp_replace(
                substr(phone, length(prefix) + 1, length(phone) - length(prefix) - length(tail)),
                '\d', '*', 'g') || tail
        end as phone,
        case
            when email is null then null
            when strpos(email, '@') > 1
                then left(email, 1) || '***' || substr(email, strpos(email, '@'))
            else '***'
        end as email,
        case
            when address is null then null
            when strpos(trim(address), ' ') > 0
                then split_part(trim(address), ' ', 1) || ' ***'
            else '***'
        end as address
    from parts
)

select * from final
