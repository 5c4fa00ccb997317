// A small call chain so the checkout failure carries a real Node stack trace with several frames.

export class PaymentDeclinedError extends Error {
  override name = 'PaymentDeclinedError';
}

function authorize(cardLast4: string, amountCents: number): never {
  throw new PaymentDeclinedError(
    `Payment gateway declined card ending ${cardLast4} for ${(amountCents / 100).toFixed(2)} EUR (insufficient_funds)`,
  );
}

function chargeCard(cardLast4: string, amountCents: number): string {
  authorize(cardLast4, amountCents);
}

export function placeCheckout(cart: { total: number; card: string }): string {
  return chargeCard(cart.card, Math.round(cart.total * 100));
}
