-- Is this customer id taken? Parameter: customer_id.
select 1 from customers where customer_id = ?
