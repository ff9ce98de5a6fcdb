/**
 * What a rule reads, so a segment engine re-evaluates only the segments a change can affect:
 * `ruleDependencies` once per compiled rule, `affectedBy` per incoming change.
 */
import { assertUnreachable } from '../assert-unreachable';
import { filterReadsClock, readsClock, someProperty } from './next-change-predicate';
import type { Channel, RuleDocument, RuleNode } from './rule.types';

/** Profile fields a rule can read besides traits. */
export type ProfileField = 'email' | 'createdAt';

/**
 * Everything a rule's result depends on (lists sorted, without repeats). Every event condition
 * names its event: no condition reads events of every name, so an event whose name is not in
 * `eventNames` never changes the result.
 */
export interface RuleDependencies {
  /** Names of the events read by event conditions. */
  readonly eventNames: readonly string[];
  /** Those of `eventNames` read through a `where` filter (some events of the name may not count). */
  readonly filteredEventNames: readonly string[];
  /** Trait paths read, relative to the traits object (`company.size` for `traits.company.size`). */
  readonly traitPaths: readonly string[];
  /** Profile fields read besides traits. */
  readonly profileFields: readonly ProfileField[];
  readonly scoreModels: readonly string[];
  readonly consentChannels: readonly Channel[];
  /** Segments whose membership the rule reads. */
  readonly segmentIds: readonly string[];
  /** A `randomBucket` reads the customer id. */
  readonly usesRandomBucket: boolean;
  /**
   * The result can change with `now` alone (see `nextChangeAt`): a trait or event property read
   * with `withinLast`, `notWithinLast` or `anniversaryWithin`; an event window `last` or `ever`
   * (events after now do not count); any first/last-occurred measure; any score condition (the
   * value is the last entry at or before now). `before`, `after`, `between` on dates and
   * `between` event windows are absolute: they do not read the clock.
   */
  readonly timeDependent: boolean;
  /** An `anniversaryWithin` reads the time zone. */
  readonly usesTimeZone: boolean;
}

/** A change to a customer's data, as the engine sees it arrive. */
export type DataChange =
  | { readonly kind: 'event'; readonly name: string }
  /** Trait paths set, changed or removed, relative to the traits object (`company`, `company.size`). */
  | { readonly kind: 'traits'; readonly paths: readonly string[] }
  | { readonly kind: 'score'; readonly model: string }
  | { readonly kind: 'consent'; readonly channel: string }
  | { readonly kind: 'segment'; readonly segmentId: string }
  /**
   * The profile's own fields: its id (a merge), its primary email or its creation time. A merge
   * also moves events, traits, scores and consent: report those as their own changes.
   */
  | { readonly kind: 'identity' };

/**
 * What a rule reads.
 *
 * @example
 * const deps = ruleDependencies(segment.rule);
 * if (affectedBy(deps, { kind: 'event', name: 'purchase' })) reevaluate(segment, customer);
 */
export function ruleDependencies(rule: RuleDocument | RuleNode): RuleDependencies {
  const events = new Set<string>();
  const filtered = new Set<string>();
  const traits = new Set<string>();
  const fields = new Set<ProfileField>();
  const models = new Set<string>();
  const channels = new Set<Channel>();
  const segments = new Set<string>();
  let bucket = false;
  let time = false;
  let zone = false;
  const visit = (n: RuleNode): void => {
    switch (n.kind) {
      case 'all':
      case 'any':
        n.children.forEach(visit);
        return;
      case 'not':
        visit(n.child);
        return;
      case 'trait':
        if (n.path.startsWith('traits.')) traits.add(n.path.slice('traits.'.length));
        else if (n.path === 'email' || n.path === 'createdAt') fields.add(n.path);
        time ||= readsClock(n.op);
        zone ||= n.op === 'anniversaryWithin';
        return;
      case 'event': {
        events.add(n.event);
        const m = n.measure;
        time ||= !('window' in m) || m.window.type !== 'between';
        if (n.where !== undefined) {
          filtered.add(n.event);
          time ||= filterReadsClock(n.where);
          zone ||= someProperty(n.where, (p) => p.op === 'anniversaryWithin');
        }
        return;
      }
      case 'score':
        models.add(n.model);
        time = true;
        return;
      case 'segment':
        segments.add(n.segmentId);
        return;
      case 'consent':
        channels.add(n.channel);
        return;
      case 'randomBucket':
        bucket = true;
        return;
      default:
        return assertUnreachable(n);
    }
  };
  visit('root' in rule ? rule.root : rule);
  const sorted = <T extends string>(s: Set<T>): T[] => [...s].sort();
  return {
    eventNames: sorted(events),
    filteredEventNames: sorted(filtered),
    traitPaths: sorted(traits),
    profileFields: sorted(fields),
    scoreModels: sorted(models),
    consentChannels: sorted(channels),
    segmentIds: sorted(segments),
    usesRandomBucket: bucket,
    timeDependent: time,
    usesTimeZone: zone,
  };
}

/** Two trait paths overlap when one is the other or lies inside it (`company` and `company.size`). */
export function pathsOverlap(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

/**
 * Whether a change can affect a rule's result (its dependencies from `ruleDependencies`). False
 * means the result is certainly the same; true that it may differ.
 *
 * @example
 * affectedBy(deps, { kind: 'traits', paths: ['company'] }) // true when the rule reads company.size
 */
export function affectedBy(deps: RuleDependencies, change: DataChange): boolean {
  switch (change.kind) {
    case 'event':
      return deps.eventNames.includes(change.name);
    case 'traits':
      return change.paths.some((p) => deps.traitPaths.some((d) => pathsOverlap(p, d)));
    case 'score':
      return deps.scoreModels.includes(change.model);
    case 'consent':
      return (deps.consentChannels as readonly string[]).includes(change.channel);
    case 'segment':
      return deps.segmentIds.includes(change.segmentId);
    case 'identity':
      return deps.usesRandomBucket || deps.profileFields.length > 0;
    default:
      return assertUnreachable(change);
  }
}
