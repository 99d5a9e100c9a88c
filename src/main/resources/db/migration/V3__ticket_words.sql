-- Words of each submitted ticket's description and error message, for the queue's search box: a word (or the
-- start of one) is an index probe here instead of a LIKE scan over every description.
CREATE TABLE ticket_word (
    ticket_id  BIGINT NOT NULL REFERENCES ticket (id),
    word       VARCHAR(40) NOT NULL,
    PRIMARY KEY (word, ticket_id)
);

CREATE INDEX ticket_word_ticket ON ticket_word (ticket_id);
