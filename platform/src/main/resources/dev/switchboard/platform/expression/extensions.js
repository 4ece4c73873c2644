// n8n's extension methods on strings, numbers, arrays, objects and dates, added as
// non-enumerable prototype members so that JSON and for..in see nothing new.
(function () {
  'use strict';
  // Luxon loads on first use (see the prelude): reach it through these, never at load time.
  const DT = () => globalThis.DateTime;
  const isDateTime = (v) => globalThis.__isDateTime(v);
  const add = (proto, name, fn) => Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true, enumerable: false });
  const isEmptyValue = (v) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)
    || (typeof v === 'object' && !isDateTime(v) && Object.keys(v).length === 0);
  const unitOf = (u) => {
    const m = String(u || 'milliseconds').toLowerCase();
    const map = { ms: 'milliseconds', millisecond: 'milliseconds', milliseconds: 'milliseconds', s: 'seconds', second: 'seconds', seconds: 'seconds',
      m: 'minutes', minute: 'minutes', minutes: 'minutes', h: 'hours', hour: 'hours', hours: 'hours', d: 'days', day: 'days', days: 'days',
      w: 'weeks', week: 'weeks', weeks: 'weeks', month: 'months', months: 'months', M: 'months', q: 'quarters', quarter: 'quarters',
      quarters: 'quarters', y: 'years', year: 'years', years: 'years' };
    return map[m] || map[u] || m;
  };
  const toDateTime = (v) => {
    const DateTime = DT();
    if (v instanceof DateTime) return v;
    if (v instanceof Date) return DateTime.fromJSDate(v);
    if (typeof v === 'number') return DateTime.fromMillis(v);
    const s = String(v).trim();
    let d = DateTime.fromISO(s);
    if (d.isValid) return d;
    d = DateTime.fromHTTP(s);
    if (d.isValid) return d;
    d = DateTime.fromRFC2822(s);
    if (d.isValid) return d;
    d = DateTime.fromSQL(s);
    if (d.isValid) return d;
    const js = new Date(s);
    if (!isNaN(js.getTime())) return DateTime.fromJSDate(js);
    if (/^-?\d+(\.\d+)?$/.test(s)) return DateTime.fromMillis(Number(s));
    return DateTime.invalid('unparsable');
  };
  globalThis.__toDateTime = toDateTime;

  // Strings
  const S = String.prototype;
  add(S, 'isEmpty', function () { return this.length === 0; });
  add(S, 'isNotEmpty', function () { return this.length > 0; });
  add(S, 'isBlank', function () { return this.trim().length === 0; });
  add(S, 'toDateTime', function (fmt) { return fmt ? DT().fromFormat(String(this), fmt) : toDateTime(String(this)); });
  add(S, 'toDate', function () { return toDateTime(String(this)); });
  add(S, 'toNumber', function () { const n = Number(String(this).trim()); if (isNaN(n)) throw new Error('cannot convert "' + this + '" to a number'); return n; });
  add(S, 'toInt', function () { return parseInt(this, 10); });
  add(S, 'toFloat', function () { return parseFloat(this); });
  add(S, 'toBoolean', function () { const s = String(this).trim().toLowerCase(); return !['', '0', 'false', 'no', 'f', 'n', 'off'].includes(s); });
  add(S, 'isNumeric', function () { return this.trim() !== '' && !isNaN(Number(this)); });
  add(S, 'isEmail', function () { return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(this); });
  add(S, 'isUrl', function () { return /^(https?|ftp):\/\/[^\s/$.?#].[^\s]*$/i.test(this); });
  add(S, 'isDomain', function () { return /^([a-z0-9-]+\.)+[a-z]{2,}$/i.test(this); });
  add(S, 'extractEmail', function () { const m = /[\w.+-]+@[\w-]+(\.[\w-]+)+/.exec(this); return m ? m[0] : undefined; });
  add(S, 'extractUrl', function () { const m = /(https?|ftp):\/\/[^\s"'<>]+/i.exec(this); return m ? m[0] : undefined; });
  add(S, 'extractDomain', function () { const m = /^(?:[a-z]+:\/\/)?(?:[^@\/\n]+@)?([^:\/?\n]+)/i.exec(this); return m ? m[1].replace(/^www\./, '') : undefined; });
  add(S, 'extractUrlPath', function () { const m = /^(?:[a-z]+:\/\/[^\/]+)?(\/[^?#]*)/i.exec(this); return m ? m[1] : undefined; });
  add(S, 'removeTags', function () { return this.replace(/<[^>]*>/g, ''); });
  add(S, 'removeMarkdown', function () { return this.replace(/[*_`~#>]+/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'); });
  add(S, 'replaceSpecialChars', function () { return this.normalize('NFD').replace(/[\u0300-\u036f]/g, ''); });
  add(S, 'toTitleCase', function () { return this.toLowerCase().replace(/(^|\s)\S/g, (c) => c.toUpperCase()); });
  add(S, 'toSentenceCase', function () { const s = this.toLowerCase(); return s.charAt(0).toUpperCase() + s.slice(1); });
  add(S, 'toSnakeCase', function () { return this.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[\s-]+/g, '_').toLowerCase(); });
  add(S, 'toCamelCase', function () { return this.toLowerCase().replace(/[^a-z0-9]+(.)/g, (_, c) => c.toUpperCase()); });
  add(S, 'urlEncode', function (all) { return all ? encodeURIComponent(this) : encodeURI(this); });
  add(S, 'urlDecode', function (all) { return all ? decodeURIComponent(this) : decodeURI(this); });
  add(S, 'quote', function (q = '"') { return q + this.replace(new RegExp(q, 'g'), '\\' + q) + q; });
  add(S, 'parseJson', function () { return JSON.parse(this); });
  add(S, 'toJsonString', function () { return JSON.stringify(String(this)); });
  add(S, 'base64Encode', function () { return globalThis.__base64Encode(String(this)); });
  add(S, 'base64Decode', function () { return globalThis.__base64Decode(String(this)); });

  // Numbers
  const N = Number.prototype;
  add(N, 'round', function (d = 0) { const f = Math.pow(10, d); return Math.round(this * f) / f; });
  add(N, 'floor', function () { return Math.floor(this); });
  add(N, 'ceil', function () { return Math.ceil(this); });
  add(N, 'abs', function () { return Math.abs(this); });
  add(N, 'isEven', function () { return this % 2 === 0; });
  add(N, 'isOdd', function () { return Math.abs(this % 2) === 1; });
  add(N, 'isInteger', function () { return Number.isInteger(Number(this)); });
  add(N, 'toBoolean', function () { return Number(this) !== 0; });
  add(N, 'format', function (locale, opts) { return new Intl.NumberFormat(locale, opts).format(this); });
  add(N, 'toDateTime', function (fmt) {
    const n = Number(this);
    if (fmt === 's') return DT().fromSeconds(n);
    if (fmt === 'excel') return DT().fromMillis(Math.round((n - 25569) * 86400000), { zone: 'utc' });
    return DT().fromMillis(n);
  });

  // Arrays
  const A = Array.prototype;
  add(A, 'first', function () { return this[0]; });
  add(A, 'last', function () { return this[this.length - 1]; });
  add(A, 'isEmpty', function () { return this.length === 0; });
  add(A, 'isNotEmpty', function () { return this.length > 0; });
  add(A, 'pluck', function (...fields) {
    return this.filter((v) => v && typeof v === 'object').map((v) => (fields.length === 1 ? v[fields[0]]
      : Object.fromEntries(fields.filter((f) => f in v).map((f) => [f, v[f]])))).filter((v) => v !== undefined);
  });
  add(A, 'unique', function (...fields) {
    const seen = new Set();
    return this.filter((v) => {
      const k = JSON.stringify(fields.length && v && typeof v === 'object' ? fields.map((f) => v[f]) : v);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  });
  add(A, 'removeDuplicates', A.unique);
  add(A, 'compact', function () { return this.filter((v) => v !== null && v !== undefined && v !== ''); });
  add(A, 'sum', function () { return this.reduce((a, b) => a + Number(b), 0); });
  add(A, 'min', function () { return Math.min(...this.map(Number)); });
  add(A, 'max', function () { return Math.max(...this.map(Number)); });
  add(A, 'average', function () { return this.length ? this.reduce((a, b) => a + Number(b), 0) / this.length : NaN; });
  add(A, 'chunk', function (n) { const out = []; for (let i = 0; i < this.length; i += n) out.push(this.slice(i, i + n)); return out; });
  add(A, 'difference', function (o) { const s = o.map((v) => JSON.stringify(v)); return this.filter((v) => !s.includes(JSON.stringify(v))); });
  add(A, 'intersection', function (o) { const s = o.map((v) => JSON.stringify(v)); return this.filter((v) => s.includes(JSON.stringify(v))).unique(); });
  add(A, 'union', function (o) { return this.concat(o).unique(); });
  add(A, 'append', function (...v) { return this.concat(v); });
  add(A, 'randomItem', function () { return this[Math.floor(Math.random() * this.length)]; });
  add(A, 'smartJoin', function (k, v) { return Object.fromEntries(this.map((o) => [o[k], o[v]])); });
  add(A, 'renameKeys', function (from, to) { return this.map((o) => { if (o && typeof o === 'object' && from in o) { const c = { ...o }; c[to] = c[from]; delete c[from]; return c; } return o; }); });
  add(A, 'merge', function () { return Object.assign({}, ...this); });
  add(A, 'toJsonString', function () { return JSON.stringify(this); });

  // Objects
  const O = Object.prototype;
  add(O, 'isEmpty', function () { return Object.keys(this).length === 0; });
  add(O, 'isNotEmpty', function () { return Object.keys(this).length > 0; });
  add(O, 'hasField', function (k) { return Object.prototype.hasOwnProperty.call(this, k); });
  add(O, 'removeField', function (k) { const c = { ...this }; delete c[k]; return c; });
  add(O, 'removeFieldsContaining', function (s) { return Object.fromEntries(Object.entries(this).filter(([, v]) => !(typeof v === 'string' && v.includes(s)))); });
  add(O, 'keepFieldsContaining', function (s) { return Object.fromEntries(Object.entries(this).filter(([, v]) => typeof v === 'string' && v.includes(s))); });
  add(O, 'compact', function () { return Object.fromEntries(Object.entries(this).filter(([, v]) => v !== null && v !== undefined && v !== '')); });
  add(O, 'keys', function () { return Object.keys(this); });
  add(O, 'values', function () { return Object.values(this); });
  add(O, 'toJsonString', function () { return JSON.stringify(this); });
  add(O, 'urlEncode', function () { return Object.entries(this).map(([k, v]) => encodeURIComponent(k) + '=' + encodeURIComponent(v)).join('&'); });

  add(Date.prototype, 'toDateTime', function () { return DT().fromJSDate(this); });

  // Dates (Luxon), with n8n's additions: installed when Luxon loads.
  globalThis.__installDateExtensions = function (luxon) {
    const { DateTime, Duration } = luxon;
    const D = DateTime.prototype;
    const plus = D.plus;
    const minus = D.minus;
    add(D, 'plus', function (n, unit) { return typeof n === 'number' ? plus.call(this, { [unitOf(unit)]: n }) : plus.call(this, n); });
    add(D, 'minus', function (n, unit) { return typeof n === 'number' ? minus.call(this, { [unitOf(unit)]: n }) : minus.call(this, n); });
    add(D, 'format', function (fmt) { return this.toFormat(fmt); });
    add(D, 'beginningOf', function (unit = 'week') { return this.startOf(unitOf(unit).replace(/s$/, '')); });
    add(D, 'endOfMonth', function () { return this.endOf('month'); });
    add(D, 'isWeekend', function () { return this.weekday >= 6; });
    add(D, 'isBetween', function (a, b) { const x = toDateTime(a); const y = toDateTime(b); return this > x && this < y; });
    add(D, 'extract', function (unit = 'week') { const u = unitOf(unit).replace(/s$/, ''); return u === 'week' ? this.weekNumber : this.get(u); });
    add(D, 'toDateTime', function () { return this; });
    add(D, 'diffTo', function (other, unit = 'days') { return this.diff(toDateTime(other), unitOf(unit)).as(unitOf(unit)); });
    add(D, 'isInLast', function (n = 0, unit = 'minutes') { const now = DateTime.now(); return this >= now.minus({ [unitOf(unit)]: n }) && this <= now; });
    add(Duration.prototype, 'toDateTime', function () { return DateTime.now().plus(this); });
  };
})();
