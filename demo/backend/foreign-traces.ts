import { tokenTag } from './log-format.ts';

// Services behind the demo gateway written in other languages; their crash output is fixed text
// in each runtime's own shape, so the panel's stack-trace grouping sees every kind.

export type TraceKind = 'py' | 'java' | 'go';

export function isTraceKind(value: string | null): value is TraceKind {
  return value === 'py' || value === 'java' || value === 'go';
}

/** The message body after the timestamp and level; tagged where that runtime's convention puts it. */
export function foreignTrace(kind: TraceKind, token: string | undefined, orderId: number): string {
  const tag = token === undefined ? '' : tokenTag(token);
  switch (kind) {
    case 'py':
      // The seed document's monkey patch prefixes the exception message itself.
      return [
        `${tag}Unhandled exception in POST /api/orders`,
        'Traceback (most recent call last):',
        '  File "/srv/orders/app/handlers.py", line 58, in create_order',
        '    order = build_order(payload)',
        '  File "/srv/orders/app/orders.py", line 112, in build_order',
        '    qty = parse_quantity(item["qty"])',
        '  File "/srv/orders/app/orders.py", line 37, in parse_quantity',
        '    raise ValueError(f"quantity must be positive, got {value}")',
        `ValueError: ${tag}quantity must be positive, got -3 (order ${orderId})`,
      ].join('\n');
    case 'java':
      return [
        `${tag}Request processing failed: java.lang.IllegalStateException: Inventory reservation failed for order ${orderId}`,
        `java.lang.IllegalStateException: Inventory reservation failed for order ${orderId}`,
        '\tat com.example.orders.InventoryClient.reserve(InventoryClient.java:88)',
        '\tat com.example.orders.OrderService.place(OrderService.java:61)',
        '\tat com.example.orders.OrderController.create(OrderController.java:34)',
        '\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)',
        'Caused by: java.net.SocketTimeoutException: Read timed out',
        '\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:278)',
        '\tat java.base/sun.nio.ch.NioSocketImpl.implRead(NioSocketImpl.java:304)',
        '\t... 12 more',
      ].join('\n');
    case 'go':
      return [
        `${tag}panic recovered in POST /api/orders: runtime error: index out of range [3] with length 3`,
        '',
        'goroutine 42 [running]:',
        'main.(*OrderHandler).priceLines(0xc0001a2000, {0xc0002b4000, 0x3, 0x4})',
        '\t/srv/orders/handler.go:77 +0x1d4',
        'main.(*OrderHandler).ServeHTTP(0xc0001a2000, {0x7f1c2e0, 0xc0000ee000}, 0xc0000f2000)',
        '\t/srv/orders/handler.go:41 +0x2a5',
        'net/http.serverHandler.ServeHTTP({0xc0000b8000?}, {0x7f1c2e0, 0xc0000ee000}, 0xc0000f2000)',
        '\t/usr/local/go/src/net/http/server.go:3142 +0x8e',
      ].join('\n');
  }
}
