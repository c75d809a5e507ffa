-- Every change to a conversation asks whether its customer is linked in some org: by customer.
CREATE INDEX customer_links_by_customer ON customer_links (customer_id);
