-- a returning customer at the counter: the brand's customers whose e-mail, phone or id
-- matches what the dealer typed (analytics.predict.lookup), with their real segment,
-- type and purchase history. No name, phone, e-mail or address leaves DuckDB.
-- params: $brand; $kind ('email' | 'phone' | 'id'); $value (e-mail lower case, phone
-- digits, or the id as typed); $suffix_min (digits a phone query needs to match the end
-- of a stored number, or a stored number the end of the query). amount_krw / monetary_krw in KRW, recency_days in days.
with customers_of_brand as (
    select * from customers where brand = $brand
),

keyed as (
    select
        customer_id,
        lower(trim(email)) as email_key,
        lower(trim(user_id)) as user_key,
        -- phone digits: extension dropped, a Korean 82 prefix read as its leading 0
        regexp_replace(regexp_replace(coalesce(phone, ''), '\s*(?i:x|ext\.?)\s*\d+$', ''),
            '\D', '', 'g') as raw_digits
    from customers_of_brand
),

digits as (
    select
        *,
        case
            when raw_digits like '82%' and length(raw_digits) >= 10
                then '0' || substr(raw_digits, 3)
            else raw_digits
        end as phone_key
    from keyed
),

matched as (
    select customer_id
    from digits
    where
        ($kind = 'email' and email_key = $value)
        or ($kind = 'id' and (user_key = lower($value) or lower(customer_id) = lower($value)))
        or ($kind = 'phone' and phone_key <> '' and (
            phone_key = $value
            -- a number typed without its country code, or stored without one
            or (length($value) >= $suffix_min and phone_key like '%' || $value)
            or (length(phone_key) >= $suffix_min and $value like '%' || phone_key)
        ))
),

final as (
    select
        c.customer_id, c.brand, c.age, c.gender, c.market, c.vehicle_class, c.model,
        c.eco_friendly, c.purchase_date, c.amount_krw, c.purchase_count, c.channel,
        s.recency_days, s.frequency, s.monetary_krw, s.r_score, s.f_score, s.m_score,
        s.segment, k.cluster, k.persona, s.model_version
    from matched as m
    inner join customers_of_brand as c using (customer_id)
    left join customer_segments as s using (customer_id)
    left join customer_clusters as k using (customer_id)
)

select * from final
order by purchase_date desc nulls last, customer_id
limit 5
