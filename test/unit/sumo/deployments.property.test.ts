import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEPLOYMENTS, deploymentFromLoginUrl, readSumoHost } from '../../../src/sumo/deployments.ts';

// Pasted login addresses are untrusted text: any string gives an answer, never a throw, and a
// deployment only when the address really names one.
describe('login address parsing (adversarial)', () => {
  it('answers any text without throwing, with a deployment of the table or a reason', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), (text) => {
        const r = deploymentFromLoginUrl(text);
        if (r.ok) expect(DEPLOYMENTS).toContain(r.deployment);
        else expect(r.reason.length).toBeGreaterThan(0);
      }),
    );
  });

  it('maps <org>.<dep>.sumologic.com to its deployment and never an unknown label to US1', () => {
    const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/);
    fc.assert(
      fc.property(label, label, (org, dep) => {
        const reading = readSumoHost(`${org}.${dep}.sumologic.com`);
        const known = DEPLOYMENTS.find((d) => d.id.toLowerCase() === dep);
        if (known) expect(reading).toEqual({ kind: 'deployment', deployment: known });
        else expect(reading).toEqual({ kind: 'unknown-label', label: dep });
      }),
    );
  });

  it('reads a very long address on a bounded prefix', () => {
    const r = deploymentFromLoginUrl(`https://service.eu.sumologic.com/${'a'.repeat(1_000_000)}`);
    expect(r.ok && r.deployment.id).toBe('EU');
  });
});
