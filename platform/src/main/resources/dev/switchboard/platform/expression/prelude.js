// Switchboard's expression environment: n8n's built-ins on top of a bridge to the engine.
// Evaluated once per sandboxed context, after Luxon. Returns the functions the engine calls.
(function (bridge) {
  'use strict';
  const G = globalThis;
  // Nothing of the host or of GraalJS's shell stays reachable.
  for (const name of ['Java', 'java', 'javax', 'javafx', 'Packages', 'com', 'org', 'edu', 'net', 'Polyglot', 'Graal',
    'load', 'loadWithNewGlobal', 'print', 'printErr', 'quit', 'exit', 'readline', 'readbuffer', 'read', 'console']) {
    try { delete G[name]; } catch (e) { /* non-configurable: leave it */ }
  }
  // Luxon (82 kB) loads on the first use of a date, so that expressions without dates start fast.
  let luxon = null;
  let zone = 'UTC';
  function dates() {
    if (luxon === null) {
      bridge.loadLuxon();
      luxon = G.luxon;
      luxon.Settings.now = () => bridge.nowMs();
      luxon.Settings.throwOnInvalid = false;
      luxon.Settings.defaultZone = zone;
      G.__installDateExtensions(luxon);
    }
    return luxon;
  }
  function setZone(z) {
    zone = z;
    if (luxon !== null) luxon.Settings.defaultZone = z;
  }
  G.__isDateTime = (v) => luxon !== null && v instanceof luxon.DateTime;
  const parse = (s) => (s === null || s === undefined ? undefined : JSON.parse(s));
  // Two caches: one per evaluated item (its json, its lineage), one per node execution (all input
  // items, other nodes' outputs), so that reading $json never copies every item.
  let gen = -1;
  let dataGen = -1;
  let currentIndex = 0;
  let cache = Object.create(null);
  let dataCache = Object.create(null);


  function enter(g, dg, itemIndex) {
    if (dg !== dataGen) {
      dataGen = dg;
      dataCache = Object.create(null);
    }
    if (g !== gen) {
      gen = g;
      cache = Object.create(null);
    }
    currentIndex = itemIndex;
  }
  // Forget everything read, so that a pooled sandbox holds no run's data.
  function reset() {
    gen = -1;
    dataGen = -1;
    cache = Object.create(null);
    dataCache = Object.create(null);
    timers.length = 0;
  }
  function cached(key, f) {
    if (key in cache) return cache[key];
    const v = f();
    cache[key] = v;
    return v;
  }
  function cachedData(key, f) {
    if (key in dataCache) return dataCache[key];
    const v = f();
    dataCache[key] = v;
    return v;
  }
  function fail(message) {
    const e = new Error(message);
    e.name = 'ExpressionError';
    throw e;
  }
  function checked(text) {
    const v = parse(text);
    if (v && typeof v === 'object' && !Array.isArray(v) && v.__error !== undefined) fail(v.__error);
    return v;
  }
  const info = () => cached('info', () => parse(bridge.info()));

  function inputItems() {
    return cachedData('input', () => checked(bridge.items(null, 0, -1)) || []);
  }
  function currentItem() {
    return cached('item', () => checked(bridge.item(currentIndex)) || undefined);
  }
  function nodeItems(name, output, run) {
    const key = 'n:' + name + ':' + output + ':' + run;
    return cachedData(key, () => {
      const v = checked(bridge.items(String(name), output, run));
      if (v === undefined || v === null) fail(`Node "${name}" hasn't been executed yet, so its data can't be used here`);
      return v;
    });
  }
  function pairedFor(name, index) {
    return cached('p:' + name + ':' + index, () => checked(bridge.paired(String(name), index)));
  }

  function nodeRef(name) {
    if (!bridge.exists(String(name))) fail(`Referenced node "${name}" doesn't exist`);
    const ref = {
      all: (output = 0, run = -1) => nodeItems(name, output, run),
      first: (output = 0, run = -1) => nodeItems(name, output, run)[0],
      last: (output = 0, run = -1) => { const a = nodeItems(name, output, run); return a[a.length - 1]; },
      itemMatching: (i) => pairedFor(name, i),
      pairedItem: (i) => pairedFor(name, i === undefined ? currentIndex : i),
    };
    Object.defineProperty(ref, 'item', { get: () => pairedFor(name, currentIndex) });
    Object.defineProperty(ref, 'params', { get: () => cached('params:' + name, () => parse(bridge.params(String(name)))) });
    Object.defineProperty(ref, 'isExecuted', { get: () => bridge.items(String(name), 0, -1) !== null });
    Object.defineProperty(ref, 'context', { get: () => cached('ctx:' + name, () => parse(bridge.state(String(name))) || {}) });
    return ref;
  }

  function legacyNode(name) {
    const ref = {};
    const itemAtIndex = () => {
      const items = nodeItems(name, 0, -1);
      const i = currentIndex;
      if (i >= items.length) fail(`No data found for item-index: "${i}" of node "${name}"`);
      return items[i];
    };
    Object.defineProperty(ref, 'json', { get: () => itemAtIndex().json });
    Object.defineProperty(ref, 'data', { get: () => itemAtIndex().json });
    Object.defineProperty(ref, 'binary', { get: () => itemAtIndex().binary });
    Object.defineProperty(ref, 'parameter', { get: () => cached('params:' + name, () => parse(bridge.params(String(name)))) });
    Object.defineProperty(ref, 'context', { get: () => cached('ctx:' + name, () => parse(bridge.state(String(name))) || {}) });
    Object.defineProperty(ref, 'runIndex', { get: () => info().runIndexes[name] ?? 0 });
    return ref;
  }

  const input = {
    all: (branch = 0) => (branch === 0 ? inputItems() : cachedData('input' + branch, () => checked(bridge.items(null, branch, -1)) || [])),
    first: () => inputItems()[0],
    last: () => { const a = inputItems(); return a[a.length - 1]; },
  };
  Object.defineProperty(input, 'item', { get: currentItem });
  Object.defineProperty(input, 'params', { get: () => cached('params', () => parse(bridge.params(null))) });
  Object.defineProperty(input, 'context', { get: () => cached('ctx', () => parse(bridge.state(null)) || {}) });

  const define = (name, get) => Object.defineProperty(G, name, { get, configurable: false, enumerable: false });
  define('$json', () => { const it = currentItem(); return it ? it.json : undefined; });
  define('$data', () => { const it = currentItem(); return it ? it.json : undefined; });
  define('$binary', () => { const it = currentItem(); return it ? it.binary || {} : {}; });
  define('$input', () => input);
  define('$itemIndex', () => currentIndex);
  define('$runIndex', () => info().runIndex);
  define('$workflow', () => info().workflow);
  define('$execution', () => info().execution);
  define('$vars', () => info().vars);
  define('$prevNode', () => info().prevNode);
  define('$parameter', () => cached('params', () => parse(bridge.params(null))));
  define('$now', () => dates().DateTime.now());
  define('$today', () => dates().DateTime.now().startOf('day'));
  define('$env', () => fail('access to environment variables is not allowed in expressions'));
  define('$node', () => new Proxy({}, { get: (_, name) => (typeof name === 'string' ? legacyNode(name) : undefined) }));
  define('items', () => inputItems());
  define('item', () => currentItem());
  G.$ = (name) => nodeRef(name);
  G.$items = (name, output = 0, run = -1) => (name === undefined ? inputItems() : nodeItems(name, output, run));
  G.$item = (index) => ({ get $json() { return inputItems()[index]?.json; }, $node: G.$node });
  G.$if = (c, a, b) => (c ? a : b);
  G.$ifEmpty = (v, d) => (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)
    || (typeof v === 'object' && !Array.isArray(v) && !G.__isDateTime(v) && Object.keys(v).length === 0) ? d : v);
  G.$max = (...a) => Math.max(...a);
  G.$min = (...a) => Math.min(...a);
  G.$evaluateExpression = () => fail('$evaluateExpression is not supported');
  for (const name of ['DateTime', 'Duration', 'Interval']) {
    Object.defineProperty(G, name, { get: () => dates()[name], configurable: true, enumerable: false });
  }

  // console.log and friends go to the step's log.
  const fmt = (a) => a.map((x) => (typeof x === 'string' ? x : (() => { try { return JSON.stringify(x); } catch (e) { return String(x); } })())).join(' ');
  G.console = { log: (...a) => bridge.log(fmt(a)), info: (...a) => bridge.log(fmt(a)), warn: (...a) => bridge.log(fmt(a)),
    error: (...a) => bridge.log(fmt(a)), debug: (...a) => bridge.log(fmt(a)) };

  // Timers run on the engine's schedule, after the script's synchronous part, in due order.
  const timers = [];
  let timerSeq = 0;
  G.setTimeout = (fn, ms = 0, ...args) => { const id = ++timerSeq; timers.push({ id, at: Number(ms) || 0, seq: id, fn, args }); return id; };
  G.clearTimeout = (id) => { const i = timers.findIndex((t) => t.id === id); if (i >= 0) timers.splice(i, 1); };
  G.setImmediate = (fn, ...args) => G.setTimeout(fn, 0, ...args);
  G.setInterval = () => fail('setInterval is not available in the sandbox');

  function runAsync(fn) {
    const h = { done: false, value: undefined, error: undefined };
    Promise.resolve().then(() => fn()).then((v) => { h.done = true; h.value = v; }, (e) => { h.done = true; h.error = e; });
    return h;
  }
  function poll(h) {
    if (h.done) return true;
    if (timers.length === 0) return false;
    timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const t = timers.shift();
    t.fn(...t.args);
    return h.done;
  }
  function pending() { return timers.length; }
  function errorText(e) {
    if (e instanceof Error) return e.message;
    if (e && typeof e === 'object' && typeof e.message === 'string') return e.message;
    return String(e);
  }
  function out(v) {
    return v === undefined ? undefined : JSON.stringify(v);
  }

  return { enter, reset, setZone, runAsync, poll, pending, errorText, out };
})
