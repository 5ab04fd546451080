-- The report batch's write script: KEYS, ARGV and what it returns are
-- documented at RECORD_BATCH_LUA in batch.rs, which sends it.
local minute_ttl, hour_ttl = ARGV[1], ARGV[2]
local kept, held = tonumber(ARGV[3]), tonumber(ARGV[4])
local groups = tonumber(ARGV[5])
local fields, counts, nets, net_counts, reporters, quarters = {}, {}, {}, {}, {}, {}
local asns, asn_counts = {}, {}
-- Redis commands this call made, returned after the results.
local calls = 0
local function call(...)
  calls = calls + 1
  return redis.call(...)
end
local a = 6
-- Reads n names with their counts from ARGV at a; returns them and the
-- next position.
local function pairs_at(a)
  local n = tonumber(ARGV[a])
  local f, c = {}, {}
  for j = 1, n do
    f[j] = ARGV[a + 2 * j - 1]
    c[j] = tonumber(ARGV[a + 2 * j])
  end
  return f, c, a + 1 + 2 * n
end
for g = 1, groups do
  quarters[g] = ARGV[a]
  fields[g], counts[g], a = pairs_at(a + 1)
  nets[g], net_counts[g], a = pairs_at(a)
  asns[g], asn_counts[g], a = pairs_at(a)
  local r = tonumber(ARGV[a])
  reporters[g] = {a + 1, a + r}
  a = a + 1 + r
end
local KEYS_PER_GROUP = 6
-- A number from a reply, nil for a missing field (false).
local function num(x)
  if x then
    return tonumber(x)
  end
  return nil
end
-- The two summaries a minute or hour hash holds beside its counters: the
-- networks' ('~t', '~k', '~n:…') and the ASNs' ('~at', '~ak', '~a:…').
local TOTALS, SIZES, PREFIXES = {'~t', '~at'}, {'~k', '~ak'}, {'~n:', '~a:'}
local NO_SUMMARIES = {{}, {}}
-- Reads a bucket hash in one HMGET: its counters named in f, and the
-- totals, counter counts and counters named in fs (one list of names per
-- summary) of its summaries: {v = {..}, s = {{t = .., k = .., v = {..}},
-- {..}}}, nil for what is not there ('t' first in f, so v[1] == nil means
-- a new hash).
local function read_bucket(key, f, fs)
  local ask = {}
  for j = 1, #f do
    ask[#ask + 1] = f[j]
  end
  -- No network and no ASN (a quarter hash, or reports without either):
  -- the summaries are not needed.
  local any = #fs[1] + #fs[2] > 0
  for p = 1, 2 do
    if any then
      ask[#ask + 1] = TOTALS[p]
      ask[#ask + 1] = SIZES[p]
    end
    for j = 1, #fs[p] do
      ask[#ask + 1] = fs[p][j]
    end
  end
  local got = call('HMGET', key, unpack(ask))
  local out = {v = {}, s = {{v = {}}, {v = {}}}}
  for j = 1, #f do
    out.v[j] = num(got[j])
  end
  if not any then
    return out
  end
  local at = #f + 1
  for p = 1, 2 do
    local s = {t = num(got[at]), k = num(got[at + 1]), v = {}}
    at = at + 2
    for j = 1, #fs[p] do
      s.v[j] = num(got[at])
      at = at + 1
    end
    out.s[p] = s
  end
  return out
end
-- Markers under the previous day's secret, read in one MGET: a report
-- can only be a repeat of yesterday's in the first dedupe period of a
-- day, and the batch never writes them, so reading them all first is
-- the same as reading each in turn.
local previous_held = {}
do
  local ask, at, i, b = {}, {}, 0, a
  local marker = KEYS_PER_GROUP * groups
  while b <= #ARGV do
    i = i + 1
    local seen, previous = KEYS[marker + 2 * i - 1], KEYS[marker + 2 * i]
    if tonumber(ARGV[b + 2]) > 0 and previous ~= seen then
      ask[#ask + 1], at[#ask + 1] = previous, i
    end
    b = b + 7 + tonumber(ARGV[b + 6])
  end
  if #ask > 0 then
    local got = call('MGET', unpack(ask))
    for j = 1, #ask do
      previous_held[at[j]] = tonumber(got[j] or '0')
    end
  end
end
-- The minute hash of each group as it stood before this call, read once,
-- when a network budget first needs its network summary, and reused to
-- write the hash.
local minute_read = {}
local results = {}
local marker = KEYS_PER_GROUP * groups
local used = {}
local i = 0
while a <= #ARGV do
  i = i + 1
  local g = tonumber(ARGV[a])
  local period = tonumber(ARGV[a + 2])
  local budget = tonumber(ARGV[a + 3])
  local net = tonumber(ARGV[a + 4])
  local asn = tonumber(ARGV[a + 5])
  local n = tonumber(ARGV[a + 6])
  local counted = 1
  local seen = KEYS[marker + 2 * i - 1]
  if period > 0 then
    local now = tonumber(ARGV[a + 1])
    if (previous_held[i] or 0) > now then
      counted = 0
    elseif not call('SET', seen, now + period, 'EX', period, 'NX') then
      -- A marker is there: it holds unless it has lapsed in (virtual) time.
      if tonumber(call('GET', seen) or '0') > now then
        counted = 0
      else
        call('SET', seen, now + period, 'EX', period)
      end
    end
  end
  if counted == 1 and budget > 0 and net > 0 then
    -- The network's count this minute in its summary (every process's
    -- reports), plus this batch's before this one.
    local key = g .. ':' .. net
    local so_far = used[key]
    if so_far == nil then
      if minute_read[g] == nil then
        local base = KEYS_PER_GROUP * (g - 1)
        minute_read[g] = read_bucket(KEYS[base + 1], fields[g], {nets[g], asns[g]})
      end
      so_far = minute_read[g].s[1].v[net] or 0
    end
    if so_far >= budget then
      counted = 2
      if period > 0 then
        call('DEL', seen)
      end
    else
      used[key] = so_far + 1
    end
  end
  if counted ~= 1 then
    local c = counts[g]
    for j = a + 7, a + 6 + n do
      local k = tonumber(ARGV[j])
      c[k] = c[k] - 1
    end
    if net > 0 then
      net_counts[g][net] = net_counts[g][net] - 1
    end
    if asn > 0 then
      asn_counts[g][asn] = asn_counts[g][asn] - 1
    end
  end
  results[i] = counted
  a = a + 7 + n
end
-- The new values of a bucket's summaries after the batch's networks and
-- ASNs, appended to out as field, value pairs. Each summary has its total
-- ('~t', '~at': the reports that carried a network, an ASN) and its
-- counter count ('~k', '~ak'). While both stay within 'held' counters the
-- values read with the bucket's counters suffice; when one would pass it,
-- the summaries are read whole (HSCAN; a field it returns twice has the
-- same value both times, the script running alone), that summary merged
-- and pruned (the
-- (kept+1)-th largest count taken from every counter, those left at zero
-- dropped). Returns the dropped counters' names.
local function summaries(key, fs, cs, stored, out)
  local totals, over, gone = {}, {}, {}
  for p = 1, 2 do
    totals[p] = 0
    for j = 1, #fs[p] do
      totals[p] = totals[p] + cs[p][j]
    end
    local s, f, c = stored[p], fs[p], cs[p]
    if totals[p] > 0 then
      local size = s.k or 0
      local fresh, new = {}, 0
      for j = 1, #f do
        if c[j] > 0 then
          if s.v[j] == nil then
            new = new + 1
          end
          fresh[#fresh + 1] = f[j]
          fresh[#fresh + 1] = (s.v[j] or 0) + c[j]
        end
      end
      if size + new <= held then
        out[#out + 1], out[#out + 2] = TOTALS[p], (s.t or 0) + totals[p]
        out[#out + 1], out[#out + 2] = SIZES[p], size + new
        for j = 1, #fresh do
          out[#out + 1] = fresh[j]
        end
      else
        over[#over + 1] = p
      end
    end
  end
  if #over == 0 then
    return gone
  end
  -- The summary fields only: Redis steps over the bucket's counters.
  local all, cursor = {}, '0'
  repeat
    local page = call('HSCAN', key, cursor, 'MATCH', '~*', 'COUNT', 1000)
    cursor = page[1]
    for j = 1, #page[2], 2 do
      all[page[2][j]] = tonumber(page[2][j + 1])
    end
  until cursor == '0'
  for _, p in ipairs(over) do
    local f, c, prefix = fs[p], cs[p], PREFIXES[p]
    local merged, names = {}, {}
    local reports = totals[p] + (all[TOTALS[p]] or 0)
    for name, v in pairs(all) do
      if string.sub(name, 1, 3) == prefix then
        merged[name] = v
        names[#names + 1] = name
      end
    end
    for j = 1, #f do
      if c[j] > 0 then
        if merged[f[j]] == nil then
          merged[f[j]] = 0
          names[#names + 1] = f[j]
        end
        merged[f[j]] = merged[f[j]] + c[j]
      end
    end
    local cut = 0
    if #names > held then
      local values = {}
      for j = 1, #names do
        values[j] = merged[names[j]]
      end
      table.sort(values, function(x, y) return x > y end)
      cut = values[kept + 1]
    end
    local size = 0
    for j = 1, #names do
      local v = merged[names[j]] - cut
      if v > 0 then
        out[#out + 1], out[#out + 2] = names[j], v
        size = size + 1
      else
        gone[#gone + 1] = names[j]
      end
    end
    out[#out + 1], out[#out + 2] = TOTALS[p], reports
    out[#out + 1], out[#out + 2] = SIZES[p], size
  end
  return gone
end
-- Adds the batch's sums into a bucket hash ('t' first) and, for a minute
-- or an hour, its networks and ASNs into the summaries the hash holds:
-- one HMGET (shared with the network budget's read) and one HSET of the
-- new values, whatever their number (the script runs alone, so nothing
-- changes them in between). Returns whether the hash was made here (then
-- it gets its TTL).
local function add(key, f, c, ttl, fs, cs, stored)
  stored = stored or read_bucket(key, f, fs)
  local out = {}
  for j = 1, #f do
    if c[j] > 0 then
      out[#out + 1], out[#out + 2] = f[j], (stored.v[j] or 0) + c[j]
    end
  end
  local gone = summaries(key, fs, cs, stored.s, out)
  -- Overwritten in place, so a hash that was there keeps its TTL.
  call('HSET', key, unpack(out))
  if #gone > 0 then
    call('HDEL', key, unpack(gone))
  end
  local made = stored.v[1] == nil
  if made then
    call('EXPIRE', key, ttl)
  end
  return made
end
-- Adds the group's reporters to a bucket's HyperLogLog, one PFADD with
-- all of them. The HyperLogLog is made (if need be with no reporter) and
-- given its TTL with its hash, so the two live and lapse together; a
-- batch of repeats alone, which makes no hash, gives it its TTL when
-- PFADD made or changed it.
local function join(key, r, ttl, made, counted)
  if made then
    call('PFADD', key, unpack(ARGV, r[1], r[2]))
    call('EXPIRE', key, ttl)
  elseif r[2] >= r[1] then
    local changed = call('PFADD', key, unpack(ARGV, r[1], r[2]))
    if changed == 1 and not counted then
      call('EXPIRE', key, ttl)
    end
  end
end
for g = 1, groups do
  local base = KEYS_PER_GROUP * (g - 1)
  local f, c, r = fields[g], counts[g], reporters[g]
  -- 't' is every group's first field: no counted report, no write.
  local counted = c[1] > 0
  local minute_made, hour_made = false, false
  if counted then
    local fs, cs = {nets[g], asns[g]}, {net_counts[g], asn_counts[g]}
    minute_made = add(KEYS[base + 1], f, c, minute_ttl, fs, cs, minute_read[g])
    -- The first write of this layout makes a quarter hash (none existed
    -- before it): the quarter after it is the first complete one.
    if add(KEYS[base + 2], f, c, minute_ttl, NO_SUMMARIES, NO_SUMMARIES) then
      call('SET', KEYS[base + 6], quarters[g], 'NX')
    end
    hour_made = add(KEYS[base + 3], f, c, hour_ttl, fs, cs)
  end
  join(KEYS[base + 4], r, minute_ttl, minute_made, counted)
  join(KEYS[base + 5], r, hour_ttl, hour_made, counted)
end
results[#results + 1] = calls
return results
