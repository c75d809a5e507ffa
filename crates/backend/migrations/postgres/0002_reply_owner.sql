-- Which backend instance sends a reply (a random id it holds a lock on while it runs: store/locks.rs).
-- A reply still sending whose instance is gone is taken over by another instance, or by the next
-- start of this one; NULL for replies stored before this version.
ALTER TABLE replies ADD COLUMN owner BIGINT;
