-- wrk script: GET /api/progress/{id} over the task ids listed in the file named by IDS_FILE.
local ids = {}
for line in io.lines(os.getenv("IDS_FILE")) do ids[#ids + 1] = line end
local n = 0
local token = os.getenv("BENCH_TOKEN")
local headers = {}
if token and token ~= "" then headers["Authorization"] = "Bearer " .. token end
request = function()
  n = n + 1
  return wrk.format("GET", "/api/progress/" .. ids[(n % #ids) + 1], headers)
end
