export const TOKEN = 'jw4wdfpgqhoj.-3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q';
export const TAG = `[openReplaySessionToken=${TOKEN}]`;

/** What the seed's monkey patch writes: each write() prefixed, a chunk's later lines not, the message tagged again. */
export const PYTHON_TRACE = [
  `${TAG} Traceback (most recent call last):`,
  `${TAG}   File "/srv/app/views.py", line 42, in checkout`,
  `    total = order.total / order.quantity`,
  `${TAG}   File "/srv/app/models.py", line 17, in total`,
  `    return sum(i.price for i in self.items)`,
  `${TAG} ZeroDivisionError: ${TAG} division by zero`,
].join('\n');

export const PYTHON_CHAINED = [
  `${TAG} Traceback (most recent call last):`,
  `${TAG}   File "/srv/app/db.py", line 10, in fetch`,
  `    row = cursor.fetchone()`,
  `${TAG} KeyError: ${TAG} 'user_42'`,
  `${TAG} `,
  `${TAG} During handling of the above exception, another exception occurred:`,
  `${TAG} `,
  `${TAG} Traceback (most recent call last):`,
  `${TAG}   File "/srv/app/api.py", line 88, in get_user`,
  `    return db.fetch(uid)`,
  `${TAG} app.errors.NotFound: ${TAG} user 42 not found`,
].join('\n');

export const JAVA_TRACE = [
  `${TAG} 2026-01-28 13:09:10,333 ERROR [http-nio-8080-exec-3] c.a.OrderService - checkout failed`,
  'java.lang.IllegalStateException: Order 1234 has no items',
  '\tat com.acme.shop.OrderService.checkout(OrderService.java:87)',
  '\tat com.acme.shop.OrderController.post(OrderController.java:41)',
  '\tat jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)',
  'Caused by: java.sql.SQLException: connection reset',
  '\tat com.acme.db.Pool.get(Pool.java:12)',
  '\t... 12 more',
].join('\n');

export const JAVA_UNCAUGHT = [
  `${TAG} Exception in thread "main" java.lang.NullPointerException: Cannot invoke "String.length()" because "s" is null`,
  '\tat com.acme.App.run(App.java:9)',
  '\tat com.acme.App.main(App.java:4)',
].join('\n');

export const NODE_TRACE = [
  `${TAG} TypeError: Cannot read properties of undefined (reading 'id')`,
  '    at getUser (/app/src/users.js:12:19)',
  '    at async Router.handle (/app/node_modules/express/lib/router/index.js:284:7)',
  '    at /app/src/server.js:40:5',
].join('\n');

export const GO_TRACE = [
  `${TAG} panic: runtime error: index out of range [5] with length 3`,
  '',
  'goroutine 1 [running]:',
  'main.handler(0xc000012345, 0x5)',
  '\t/app/main.go:21 +0x1d',
  'net/http.HandlerFunc.ServeHTTP(0x0?, {0x6d3b20?, 0xc0000a6000?}, 0x0?)',
  '\t/usr/local/go/src/net/http/server.go:2136 +0x29',
  'created by net/http.(*Server).Serve in goroutine 1',
  '\t/usr/local/go/src/net/http/server.go:3285 +0x4b4',
  'exit status 2',
].join('\n');

export interface Map {
  [key: string]: string;
}

let nextId = 0;
export function msg(raw: string, time: number, extra: Partial<Map> = {}): Map {
  nextId++;
  return {
    _raw: raw,
    _messagetime: String(time),
    _receipttime: String(time + 400),
    _sourcecategory: 'prod/api',
    _sourcehost: 'web-1',
    _sourcename: '/var/log/app.log',
    _messageid: `-92233720368547${String(70000 + nextId)}`,
    ...extra,
  };
}
