-- the dealer page's customer contacts, unmasked: only for an administrator or a dealer
-- viewing their own brand (app.services.dealer_contacts decides). params: $brand.
select customer_id, phone, email, address
from customers
where brand = $brand
