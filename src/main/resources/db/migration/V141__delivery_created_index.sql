-- The console's channel page and dashboard chart count rows by when they were made; the
-- column never changes after the insert, so status updates stay index-free (HOT) on it.
create index delivery_by_created on delivery (created_at);
