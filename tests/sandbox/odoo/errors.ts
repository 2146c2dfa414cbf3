// Odoo's JSON-RPC error envelopes, shaped like the samples in reference/odoo16-samples/err-*.json.

export type OdooErrorName =
  | 'odoo.exceptions.AccessError'
  | 'odoo.exceptions.AccessDenied'
  | 'odoo.exceptions.UserError'
  | 'odoo.exceptions.ValidationError'
  | 'odoo.exceptions.MissingError'
  | 'builtins.ValueError'
  | 'builtins.KeyError'
  | 'builtins.AttributeError'
  | 'builtins.TypeError';

/** An exception raised "inside Odoo": turned into the `error` envelope by the RPC layer. */
export class OdooError extends Error {
  constructor(
    readonly odooName: OdooErrorName,
    message: string,
    /** Extra traceback frames, innermost last, so `debug` reads like the real one. */
    readonly frames: string[] = [],
  ) {
    super(message);
  }
}

// The outer frames every call_kw traceback starts with (copied shape, relative paths as in the samples).
const CALL_KW_FRAMES = [
  ['odoo-server/odoo/http.py', 1589, '_serve_db', 'return service_model.retrying(self._serve_ir_http, self.env)'],
  ['odoo-server/odoo/service/model.py', 133, 'retrying', 'result = func()'],
  ['odoo-server/odoo/http.py', 1616, '_serve_ir_http', 'response = self.dispatcher.dispatch(rule.endpoint, args)'],
  ['odoo-server/odoo/http.py', 1820, 'dispatch', "result = self.request.registry['ir.http']._dispatch(endpoint)"],
  ['odoo-server/odoo/addons/base/models/ir_http.py', 154, '_dispatch', 'result = endpoint(**request.params)'],
  ['odoo-server/odoo/http.py', 697, 'route_wrapper', 'result = endpoint(self, *args, **params_ok)'],
  ['odoo-server/odoo/addons/web/controllers/dataset.py', 42, 'call_kw', 'return self._call_kw(model, method, args, kwargs)'],
  ['odoo-server/odoo/addons/web/controllers/dataset.py', 33, '_call_kw', 'return call_kw(request.env[model], method, args, kwargs)'],
] as const;

/**
 * One traceback frame, with Python 3.11's carets under the evaluated expression of `return x` and
 * `name = x` lines (a line that is all expression gets none), as in the samples.
 */
export function frame(file: string, line: number, fn: string, code: string): string {
  const expression = /^(return |[\w.]+ = )(.+)$/.exec(code);
  const carets = expression ? `\n    ${' '.repeat(expression[1]?.length ?? 0)}${'^'.repeat(expression[2]?.length ?? 0)}` : '';
  return `  File "${file}", line ${line}, in ${fn}\n    ${code}${carets}\n`;
}

function shortName(name: OdooErrorName): string {
  return name.startsWith('builtins.') ? name.slice('builtins.'.length) : name;
}

export function traceback(error: OdooError): string {
  const outer = CALL_KW_FRAMES.map(([file, line, fn, code]) => frame(file, line, fn, code)).join('');
  // KeyError prints its argument with repr(), the others print the message as is.
  const shown = error.odooName === 'builtins.KeyError' ? pyRepr(error.message) : error.message;
  return `Traceback (most recent call last):\n${outer}${error.frames.join('')}${shortName(error.odooName)}: ${shown}\n`;
}

/** `{"jsonrpc":"2.0","id":…,"error":{…}}` exactly as Odoo's `serialize_exception` builds it (HTTP 200). */
export function errorEnvelope(id: unknown, error: OdooError): Record<string, unknown> {
  return {
    jsonrpc: '2.0',
    id: id ?? null,
    error: {
      code: 200,
      message: 'Odoo Server Error',
      data: {
        name: error.odooName,
        debug: traceback(error),
        message: error.message,
        arguments: [error.message],
        context: {},
      },
    },
  };
}

/** err-session-expired.json, byte for byte in shape: the request id is NOT echoed. */
export function sessionExpiredEnvelope(): Record<string, unknown> {
  const outer = CALL_KW_FRAMES.slice(0, 2).map(([file, line, fn, code]) => frame(file, line, fn, code)).join('');
  const debug =
    'Traceback (most recent call last):\n' +
    outer +
    '  File "odoo-server/odoo/http.py", line 1614, in _serve_ir_http\n    ir_http._authenticate(rule.endpoint)\n' +
    '  File "odoo-server/odoo/addons/base/models/ir_http.py", line 127, in _authenticate\n' +
    "    getattr(cls, f'_auth_method_{auth}')()\n" +
    '  File "odoo-server/odoo/addons/base/models/ir_http.py", line 106, in _auth_method_user\n' +
    '    raise http.SessionExpiredException("Session expired")\n' +
    'odoo.http.SessionExpiredException: Session expired\n';
  return {
    jsonrpc: '2.0',
    id: null,
    error: {
      code: 100,
      message: 'Odoo Session Expired',
      data: {
        name: 'odoo.http.SessionExpiredException',
        debug,
        message: 'Session expired',
        arguments: ['Session expired'],
        context: {},
      },
    },
  };
}

/** Python's repr() of JSON values, for messages such as "Invalid field 'x' on model 'y'". */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
    const body = value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
    return quote + (quote === "'" ? body.replace(/'/g, "\\'") : body) + quote;
  }
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value).map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`).join(', ')}}`;
  }
  return String(value);
}

/** Python repr of a recordset: `mail.activity(5,)`, `helpdesk.ticket(1, 2)`. */
export function recordsetRepr(model: string, ids: readonly number[]): string {
  return ids.length === 1 ? `${model}(${ids[0]},)` : `${model}(${ids.join(', ')})`;
}

// Error factories, one per real Odoo message the stand-in reproduces.

export function invalidField(field: string, model: string, where: 'read' | 'write'): OdooError {
  const message = `Invalid field ${pyRepr(field)} on model ${pyRepr(model)}`;
  const inner =
    where === 'read'
      ? frame('odoo-server/odoo/models.py', 2978, 'read', 'raise ValueError("Invalid field %r on model %r" % (name, self._name))')
      : frame('odoo-server/odoo/models.py', 3703, 'write', 'raise ValueError("Invalid field %r on model %r" % (fname, self._name))');
  return new OdooError('builtins.ValueError', message, [
    frame('odoo-server/odoo/api.py', 466, 'call_kw', 'result = _call_kw_multi(method, model, args, kwargs)'),
    frame('odoo-server/odoo/api.py', 453, '_call_kw_multi', 'result = method(recs, *args, **kwargs)'),
    inner,
  ]);
}

export function unknownModel(model: string): OdooError {
  return new OdooError('builtins.KeyError', model, [
    frame('odoo-server/odoo/api.py', 542, '__getitem__', 'return self.registry[model_name](self, (), ())'),
    frame('odoo-server/odoo/modules/registry.py', 190, '__getitem__', 'return self.models[model_name]'),
  ]);
}
