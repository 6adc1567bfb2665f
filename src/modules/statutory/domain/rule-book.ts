import { formatIsoDate, formatLongDate, type LocalDate } from '../../../platform/calendar/local-date.ts';
import { RuleNotInForceError, UnknownRuleError } from './deadline-errors.ts';
import { RULE_CATALOGUE } from './rule-catalogue.ts';
import type { StatutoryRule } from './statutory-rule.ts';

/**
 * The rules indexed by id, each id with its versions in date order. A case uses the version in
 * force on the day its clock started, so a change in the law never moves an existing deadline.
 */
export class RuleBook {
  private readonly byId = new Map<string, StatutoryRule[]>();

  constructor(rules: readonly StatutoryRule[]) {
    for (const rule of rules) {
      const versions = this.byId.get(rule.id) ?? [];
      versions.push(rule);
      this.byId.set(rule.id, versions);
    }
    for (const [id, versions] of this.byId) {
      versions.sort((a, b) => a.effectiveFrom - b.effectiveFrom);
      for (const v of versions) {
        if (v.effectiveTo !== undefined && v.effectiveTo < v.effectiveFrom) {
          throw new Error(`rule ${id}: effectiveTo ${formatIsoDate(v.effectiveTo)} is before effectiveFrom ${formatIsoDate(v.effectiveFrom)}`);
        }
      }
      for (let i = 1; i < versions.length; i++) {
        const previous = versions[i - 1]!;
        if (previous.effectiveTo === undefined || previous.effectiveTo >= versions[i]!.effectiveFrom) {
          throw new Error(`rule ${id}: the version from ${formatIsoDate(previous.effectiveFrom)} overlaps the one from ${formatIsoDate(versions[i]!.effectiveFrom)}`);
        }
      }
    }
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  versions(id: string): readonly StatutoryRule[] {
    const versions = this.byId.get(id);
    if (!versions) throw new UnknownRuleError(id, this.ids());
    return versions;
  }

  /** The version of `id` in force on `clockStarted`. */
  resolve(id: string, clockStarted: LocalDate): StatutoryRule {
    const versions = this.versions(id);
    for (let i = versions.length - 1; i >= 0; i--) {
      const v = versions[i]!;
      if (clockStarted >= v.effectiveFrom && (v.effectiveTo === undefined || clockStarted <= v.effectiveTo)) return v;
    }
    const spans = versions
      .map((v) => `from ${formatLongDate(v.effectiveFrom)}${v.effectiveTo === undefined ? '' : ` to ${formatLongDate(v.effectiveTo)}`}`)
      .join('; ');
    throw new RuleNotInForceError(
      'from',
      `no version of ${id} was law on ${formatIsoDate(clockStarted)}, when this clock started (it applies to clocks starting ${spans})`,
    );
  }

  /** Every rule in force on a date, one per id, in catalogue order. */
  inForce(on: LocalDate): StatutoryRule[] {
    const result: StatutoryRule[] = [];
    for (const id of this.byId.keys()) {
      try {
        result.push(this.resolve(id, on));
      } catch (error) {
        if (!(error instanceof RuleNotInForceError)) throw error;
      }
    }
    return result;
  }
}

/** The current law. */
export const DEFAULT_RULE_BOOK = new RuleBook(RULE_CATALOGUE);
