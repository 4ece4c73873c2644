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
      snapshots.get(G).props.set('luxon', Reflect.getOwnPropertyDescriptor(G, 'luxon'));
      luxon.Settings.now = () => bridge.nowMs();
      luxon.Settings.throwOnInvalid = false;
      luxon.Settings.defaultZone = zone;
      G.__installDateExtensions(luxon);
      guardLuxon(luxon);
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
  // Forget everything read and undo what user code changed in the shared realm (globals, built-in
  // prototypes, n8n's helpers), so that nothing of one run reaches the next. Returns false when a
  // change cannot be undone (a property made non-configurable, an object made non-extensible): the
  // engine then throws the context away.
  function reset() {
    gen = -1;
    dataGen = -1;
    cache = Object.create(null);
    dataCache = Object.create(null);
    timers.length = 0;
    return restore();
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
  // Functions are made with the Function constructors, whose bodies are parsed on their own: code
  // cannot close the wrapper early and run something outside the watched call.
  const AsyncFunction = (async function () {}).constructor;
  const FunctionCtor = Function;
  function compileExpression(code) {
    return new FunctionCtor('return (' + code + '\n);');
  }
  function compileScript(code) {
    return new AsyncFunction(code);
  }

  // The snapshot of everything shared that user code could change.
  const guarded = [];
  const snapshots = new Map();
  function guard(o) {
    if (o === null || (typeof o !== 'object' && typeof o !== 'function') || snapshots.has(o)) return;
    const props = new Map();
    for (const k of Reflect.ownKeys(o)) props.set(k, Reflect.getOwnPropertyDescriptor(o, k));
    snapshots.set(o, { props, proto: Reflect.getPrototypeOf(o), extensible: Reflect.isExtensible(o) });
    guarded.push(o);
  }
  function sameDescriptor(a, b) {
    return a.value === b.value && a.get === b.get && a.set === b.set && a.writable === b.writable
      && a.enumerable === b.enumerable && a.configurable === b.configurable;
  }
  function restore() {
    let clean = true;
    for (const o of guarded) {
      const snap = snapshots.get(o);
      if (!Reflect.isExtensible(o) && snap.extensible) clean = false;
      if (Reflect.getPrototypeOf(o) !== snap.proto && !Reflect.setPrototypeOf(o, snap.proto)) clean = false;
      for (const k of Reflect.ownKeys(o)) {
        if (!snap.props.has(k) && !Reflect.deleteProperty(o, k)) clean = false;
      }
      for (const [k, d] of snap.props) {
        const now = Reflect.getOwnPropertyDescriptor(o, k);
        if (now === undefined || !sameDescriptor(now, d)) {
          if (!Reflect.defineProperty(o, k, d)) clean = false;
        }
      }
    }
    return clean;
  }
  function guardRealm() {
    const intrinsics = [G, Object, Function, Array, String, Number, Boolean, Symbol, Date, RegExp, Error, TypeError,
      RangeError, SyntaxError, ReferenceError, EvalError, URIError, Promise, Map, Set, WeakMap, WeakSet, JSON, Math,
      Reflect, Proxy, BigInt, ArrayBuffer, DataView, Uint8Array, Int8Array, Uint16Array, Int16Array, Uint32Array,
      Int32Array, Float32Array, Float64Array, Object.getPrototypeOf(Uint8Array), AsyncFunction,
      Object.getPrototypeOf(function* () {}), Object.getPrototypeOf(async function* () {}), input, G.console];
    if (typeof Intl !== 'undefined') intrinsics.push(Intl, Intl.DateTimeFormat, Intl.NumberFormat);
    for (const o of intrinsics) {
      guard(o);
      if (typeof o === 'function' && o.prototype) guard(o.prototype);
    }
    guard(Object.getPrototypeOf([][Symbol.iterator]()));
    guard(Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())));
  }
  function guardLuxon(l) {
    for (const k of ['DateTime', 'Duration', 'Interval', 'Settings', 'Info', 'Zone', 'FixedOffsetZone', 'IANAZone']) {
      const o = l[k];
      if (o) {
        guard(o);
        if (o.prototype) guard(o.prototype);
      }
    }
    guard(l);
  }

  // base64 of the UTF-8 bytes of a string, and back (n8n's base64Encode/base64Decode)
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  G.__base64Encode = (s) => {
    const bytes = unescape(encodeURIComponent(s));
    let out = '';
    for (let i = 0; i < bytes.length; i += 3) {
      const a = bytes.charCodeAt(i), b = bytes.charCodeAt(i + 1), c = bytes.charCodeAt(i + 2);
      const n = (a << 16) | ((b || 0) << 8) | (c || 0);
      out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=')
        + (i + 2 < bytes.length ? B64[n & 63] : '=');
    }
    return out;
  };
  G.__base64Decode = (s) => {
    const clean = String(s).replace(/[^A-Za-z0-9+/]/g, '');
    let bytes = '';
    for (let i = 0; i < clean.length; i += 4) {
      const n = (B64.indexOf(clean[i]) << 18) | (B64.indexOf(clean[i + 1]) << 12)
        | ((B64.indexOf(clean[i + 2]) & 63) << 6) | (B64.indexOf(clean[i + 3]) & 63);
      bytes += String.fromCharCode((n >> 16) & 255);
      if (clean[i + 2] !== undefined) bytes += String.fromCharCode((n >> 8) & 255);
      if (clean[i + 3] !== undefined) bytes += String.fromCharCode(n & 255);
    }
    return decodeURIComponent(escape(bytes));
  };

  function errorText(e) {
    if (e instanceof Error) return e.message;
    if (e && typeof e === 'object' && typeof e.message === 'string') return e.message;
    return String(e);
  }
  function out(v) {
    return v === undefined ? undefined : JSON.stringify(v);
  }

  guardRealm();
  return { enter, reset, setZone, runAsync, poll, pending, errorText, out, compileExpression, compileScript };
})
