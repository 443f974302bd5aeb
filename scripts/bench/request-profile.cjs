/**
 * Preloaded (`node --require`) into the benchmark's `next start` server, and only when the
 * bench runs with `--profile`: for every HTTP request it counts the SQL statements sent
 * through `pg` and the time they took, picks out the session check (the statements on
 * `auth_sessions`: the session lookup every signed-in request makes, and its occasional
 * touch of last_seen_at), and appends one JSON line per request to the file named by
 * BENCH_REQUEST_PROFILE. scripts/bench/request-profile.ts summarises the lines.
 *
 * CommonJS and dependency-free because it loads before Next, outside its bundles; `pg` is
 * one of Next's server-external packages, so the prototypes patched here are the ones the
 * app's pool uses.
 */
const { AsyncLocalStorage } = require("node:async_hooks");
const { appendFileSync } = require("node:fs");
const http = require("node:http");
const path = require("node:path");

const file = process.env.BENCH_REQUEST_PROFILE;
if (file) {
  const requests = new AsyncLocalStorage();
  // Resolved from the app's root so these are the very modules the server loads.
  const fromApp = (name) => require(require.resolve(name, { paths: [process.cwd()] }));
  const { Client } = fromApp("pg");
  const Pool = fromApp("pg-pool");

  // A request's statements start in its own async context, except where pg-pool hands a
  // waiting caller a client another request has just released: that callback would run
  // in the releasing request's context, so it is bound to the caller's.
  const connect = Pool.prototype.connect;
  Pool.prototype.connect = function profiledConnect(callback) {
    return connect.call(
      this,
      typeof callback === "function" ? AsyncLocalStorage.bind(callback) : callback,
    );
  };

  const query = Client.prototype.query;
  Client.prototype.query = function profiledQuery(config, values, callback) {
    const request = requests.getStore();
    if (!request) return query.call(this, config, values, callback);
    const text = typeof config === "string" ? config : (config?.text ?? "");
    const isSession = text.includes('"auth_sessions"');
    const started = performance.now();
    // Counted when sent: a request abandoned mid-statement still shows what it asked.
    request.queries++;
    if (isSession) request.sessionQueries++;
    const done = () => {
      const ended = performance.now();
      request.dbMs += ended - started;
      request.intervals.push([started, ended]);
      if (isSession) request.sessionMs += ended - started;
    };
    const last = typeof callback === "function" ? 2 : typeof values === "function" ? 1 : -1;
    if (last >= 0) {
      const args = [config, values, callback];
      const original = args[last];
      args[last] = (...results) => {
        done();
        return original(...results);
      };
      return query.apply(this, args.slice(0, last + 1));
    }
    const result = query.call(this, config, values);
    if (result && typeof result.then === "function") {
      return result.finally(done);
    }
    done();
    return result;
  };

  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function profiledEmit(event, ...args) {
    if (event !== "request") return emit.call(this, event, ...args);
    const [request, response] = args;
    const profile = {
      started: performance.now(),
      queries: 0,
      dbMs: 0,
      intervals: [],
      sessionQueries: 0,
      sessionMs: 0,
    };
    response.once("close", () => {
      const totalMs = performance.now() - profile.started;
      const line = {
        method: request.method,
        path: (request.url ?? "").split("?")[0],
        status: response.statusCode,
        queries: profile.queries,
        dbMs: round(profile.dbMs),
        dbWallMs: round(coveredMs(profile.intervals)),
        sessionQueries: profile.sessionQueries,
        sessionMs: round(profile.sessionMs),
        totalMs: round(totalMs),
      };
      appendFileSync(file, `${JSON.stringify(line)}\n`);
    });
    return requests.run(profile, () => emit.call(this, event, ...args));
  };
  process.stderr.write(`[bench] profiling each request into ${path.basename(file)}\n`);
}

function round(ms) {
  return Math.round(ms * 100) / 100;
}

/** The time at least one statement was running: statements run side by side count once. */
function coveredMs(intervals) {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const [from, to] of sorted) {
    if (to <= end) continue;
    covered += to - Math.max(from, end);
    end = to;
  }
  return covered;
}
