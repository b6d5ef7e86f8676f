-- Soak mix for bench/soak.py: rotates over the paths in soak-paths.lua
-- (written by soak.py) and counts responses that are not 2xx/3xx in the
-- `response` hook, summed over threads in `done`.
local threads = {}
local paths = dofile(os.getenv("SOAK_PATHS"))

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  i = math.random(#paths)
  bad = 0
  responses = 0
  by_status = ""
end

function request()
  i = i % #paths + 1
  local p = paths[i]
  return wrk.format("GET", p[1], p[2])
end

function response(status, headers, body)
  responses = responses + 1
  if status < 200 or status >= 400 then
    bad = bad + 1
    if #by_status < 200 then by_status = by_status .. status .. " " end
  end
end

function done(summary, latency, requests)
  local b, n, s = 0, 0, ""
  for _, t in ipairs(threads) do
    b = b + t:get("bad")
    n = n + t:get("responses")
    s = s .. t:get("by_status")
  end
  io.write(string.format("SOAK bad=%d responses=%d statuses=%s\n", b, n, s))
end
