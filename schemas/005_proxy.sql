-- duban store, schema version 5: the proxy who acted for the requester
-- (代办员 at a village desk, 信访代理员 for petitions; SPEC §9), a field that
-- intake records like the requester's own.
ALTER TABLE "case" ADD COLUMN proxy TEXT;
CREATE INDEX case_proxy ON "case" (proxy) WHERE proxy IS NOT NULL;
