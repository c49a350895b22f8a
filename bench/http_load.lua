-- wrk script for bench/http_load.py: rotate through a file of paths, count answers by status, stop
-- sending once the measured window is over so that no request is left in flight when wrk stops.
--
--   wrk -t2 -c16 -d12s --latency -s bench/http_load.lua http://127.0.0.1:PORT -- PATHS_FILE WINDOW_S UA
--
-- PATHS_FILE: one path a line, sent in turn (each thread starts at its own offset). WINDOW_S: seconds
-- of traffic; after it each connection finishes the request it has out and then waits (delay()), so
-- wrk's -d must be a little longer (the tail). Each request is sent without cookies: a new reader.
-- done() prints one line "BENCH_JSON {...}" that http_load.py reads.

local ok_ffi, ffi = pcall(require, "ffi")
local clock
if ok_ffi then
  ffi.cdef([[
    typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
    int clock_gettime(int clk_id, bench_timespec *tp);
  ]])
  local ts = ffi.new("bench_timespec")
  clock = function()
    ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC: one clock for every thread
    return tonumber(ts.tv_sec) + tonumber(ts.tv_nsec) / 1e9
  end
else
  clock = os.time
end

local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local paths = {}
local index = 1
local headers = {}
local started, deadline, last_answer
local sent, answered, counted_cookie = 0, 0, 0
local statuses = {}

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then
      table.insert(paths, line)
    end
  end
  assert(#paths > 0, "no paths in " .. args[1])
  index = (id * 7919) % #paths + 1
  headers["User-Agent"] = args[3]
  headers["Accept"] = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
  headers["Accept-Language"] = "vi-VN,vi;q=0.9,en;q=0.5"
  started = clock()
  deadline = started + tonumber(args[2])
  last_answer = started
end

function delay()
  if clock() >= deadline then
    return 3600000 -- the window is over: send nothing more before wrk stops
  end
  return 0
end

function request()
  local path = paths[index]
  index = index % #paths + 1
  sent = sent + 1
  return wrk.format("GET", path, headers)
end

function response(status, response_headers, body)
  answered = answered + 1
  last_answer = clock()
  statuses[status] = (statuses[status] or 0) + 1
  local cookie = response_headers["Set-Cookie"] or response_headers["set-cookie"] or ""
  if string.find(cookie, "da_xem=", 1, true) then
    counted_cookie = counted_cookie + 1
  end
  local parts = {}
  for code, n in pairs(statuses) do
    table.insert(parts, code .. ":" .. n)
  end
  wrk.thread:set("statuses", table.concat(parts, ","))
  wrk.thread:set("result", table.concat({ started, last_answer, sent, answered, counted_cookie }, ","))
end

function done(summary, latency, requests)
  local first, last = nil, nil
  local total_sent, total_answered, total_cookie = 0, 0, 0
  local merged = {}
  for _, t in ipairs(threads) do
    local result = t:get("result")
    if result then
      local s, l, se, an, co = string.match(result, "([^,]+),([^,]+),([^,]+),([^,]+),([^,]+)")
      s, l = tonumber(s), tonumber(l)
      if first == nil or s < first then
        first = s
      end
      if last == nil or l > last then
        last = l
      end
      total_sent = total_sent + tonumber(se)
      total_answered = total_answered + tonumber(an)
      total_cookie = total_cookie + tonumber(co)
    end
    local statuses_text = t:get("statuses") or ""
    for code, n in string.gmatch(statuses_text, "(%d+):(%d+)") do
      merged[code] = (merged[code] or 0) + tonumber(n)
    end
  end
  local status_parts = {}
  for code, n in pairs(merged) do
    table.insert(status_parts, string.format('"%s":%d', code, n))
  end
  local e = summary.errors
  io.write(
    string.format(
      'BENCH_JSON {"wrk_requests":%d,"wrk_duration_us":%d,"bytes":%d,"window_s":%.6f,'
        .. '"sent":%d,"answered":%d,"counted_cookie":%d,"statuses":{%s},'
        .. '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},'
        .. '"latency_us":{"p50":%d,"p90":%d,"p99":%d,"mean":%.1f,"max":%d},"precise_clock":%s}\n',
      summary.requests,
      summary.duration,
      summary.bytes,
      (last or 0) - (first or 0),
      total_sent,
      total_answered,
      total_cookie,
      table.concat(status_parts, ","),
      e.connect,
      e.read,
      e.write,
      e.status,
      e.timeout,
      latency:percentile(50),
      latency:percentile(90),
      latency:percentile(99),
      latency.mean,
      latency.max,
      tostring(ok_ffi)
    )
  )
end
