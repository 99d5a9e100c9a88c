-- A word search looks up, for a ticket, whether it has a word starting with some letters: (ticket, word) answers
-- that from the index alone, where the index on the ticket only read each of the ticket's word rows.
DROP INDEX ticket_word_ticket;
CREATE INDEX ticket_word_ticket ON ticket_word (ticket_id, word);
