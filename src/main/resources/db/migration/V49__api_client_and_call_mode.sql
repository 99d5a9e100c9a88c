-- The API path of step 3 asks two more things support needs (issue 12). Portable SQL, as in V1.

-- The client that made the calls and its version, as the reporter names it ("openai-python 1.54.0", "curl 8.5").
ALTER TABLE ticket ADD COLUMN api_sdk VARCHAR(200);

-- How the calls were made: PLAIN (one answer per request), STREAMING or BATCH. NULL: not said.
ALTER TABLE ticket ADD COLUMN api_call_mode VARCHAR(20);
