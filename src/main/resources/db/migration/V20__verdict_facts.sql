-- Facts the verdict needs (issue 9). Portable SQL, as in V1.

-- How many requests of a HAR went to ChatGPT's or the OpenAI API's own hosts: none means the capture shows another
-- site. Unknown (NULL) for console logs and for HARs taken before it was counted.
ALTER TABLE evidence ADD COLUMN product_requests BIGINT;

-- The API path's "did retries with exponential backoff help?" can now be answered "yes, it helped" (the matrix's
-- stop condition "it stabilises"): TRUE with api_retried_with_backoff TRUE. NULL for every earlier answer, which
-- keeps its meaning ("retried, still failing" or "not retried").
ALTER TABLE ticket ADD COLUMN api_backoff_helped BOOLEAN;
