-- wrk script for bench/pages_ssr.py: every request gets a query parameter no
-- other request has (`_nocache=<thread>-<n>`), so a cache keyed by the link
-- misses every time. The server ignores unknown parameters; if it keys its
-- cache by the canonical chart state instead, this run hits like the plain one
-- (and the report says "no difference").
local n = 0
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
function request()
  n = n + 1
  local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. sep .. "_nocache=" .. tostring(tid) .. "-" .. tostring(n))
end
