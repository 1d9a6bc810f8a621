import type { Context } from '../src/context';
import { BadRequestError, BadUserInputError, SUBSCRIPTION_OVER_HTTP } from '../src/errors';
import type { LiveSource } from '../src/live/LiveSource';
import { watchChanges } from '../src/live/watchChanges';
import { watchSubjects } from '../src/live/watchSubjects';
import { parseId } from '../src/model/ids';
import type { RecordKind } from '../src/model/implementation';
import type { RelationshipType } from '../src/model/relationships';
import type { ChangeEntry, TargetProgress, TaskProgress } from '../src/store/port';
import type { SubscriptionResolvers } from './generated/types';
import { auditQuery } from './helpers/auditFilter';
import { neighboursOf } from './helpers/related';

/** Most targets or tasks one live subscription watches (a plan has a few dozen). */
export const MAX_LIVE_SUBJECTS = 200;

/** Today (UTC), YYYY-MM-DD: each value a subscription sends is computed as of the day it is read. */
const today = (): string => new Date().toISOString().slice(0, 10);

/** What a subscription watches: its subjects' kind, how a plan holds them, and the records whose writes change them. */
interface Watched {
  readonly kind: 'Target' | 'Task';
  /** The argument listing them. */
  readonly argument: 'targets' | 'tasks';
  readonly fromPlan: RelationshipType;
  readonly recordKind: RecordKind;
}

const TARGETS: Watched = { kind: 'Target', argument: 'targets', fromPlan: 'HAS_TARGET', recordKind: 'Actual' };
const TASKS: Watched = { kind: 'Task', argument: 'tasks', fromPlan: 'HAS_TASK', recordKind: 'TaskReport' };

/**
 * The ids a subscription watches: the ones listed (each the id of an existing
 * node of the kind), or every one of the plan; exactly one of the two, at most
 * {@link MAX_LIVE_SUBJECTS}. BAD_USER_INPUT names the argument and the value.
 */
async function subjectsOf(context: Context, watched: Watched, ids: readonly string[] | null | undefined, plan: string | null | undefined): Promise<string[]> {
  const { kind, argument } = watched;
  if ((ids === null || ids === undefined) === (plan === null || plan === undefined)) {
    throw new BadUserInputError(`Give exactly one of the arguments "${argument}" and "plan" (${ids ? 'both were given' : 'neither was given'}).`, argument);
  }
  if (plan !== null && plan !== undefined) {
    const parsed = parseId(plan);
    const node = typeof parsed === 'string' || parsed.kind !== 'Plan' ? null : await context.loaders.node.load(plan);
    if (!node) throw new BadUserInputError(`Argument "plan" is ${JSON.stringify(plan.slice(0, 80))}; it must be the id of a Plan in the graph.`, 'plan');
    const subjects = (await neighboursOf(context, plan, watched.fromPlan, 'OUT')).map((n) => n.node.id);
    if (subjects.length > MAX_LIVE_SUBJECTS) {
      throw new BadUserInputError(`${plan} has ${subjects.length} ${argument}, over the ${MAX_LIVE_SUBJECTS} one subscription may watch; list them in "${argument}".`, 'plan');
    }
    return subjects;
  }
  const list = [...new Set(ids ?? [])];
  if (list.length === 0 || list.length > MAX_LIVE_SUBJECTS) {
    throw new BadUserInputError(`Argument "${argument}" has ${list.length} distinct ids; give 1 to ${MAX_LIVE_SUBJECTS}.`, argument);
  }
  for (const id of list) {
    const parsed = parseId(id);
    if (typeof parsed === 'string' || parsed.kind !== kind) {
      throw new BadUserInputError(`Argument "${argument}" has ${JSON.stringify(id.slice(0, 80))}; each must be the id of a ${kind} (${kind}:<key>).`, argument);
    }
  }
  const nodes = await context.loaders.node.loadMany(list);
  const missing = list.find((_id, i) => !nodes[i] || nodes[i] instanceof Error);
  if (missing !== undefined) throw new BadUserInputError(`Argument "${argument}" has ${JSON.stringify(missing)}: no ${kind} has that id.`, argument);
  return list;
}

/** The live source, present only on a live connection (WebSocket): over HTTP a subscription is a client error. */
function liveOf(context: Context): LiveSource {
  if (!context.live) throw new BadRequestError(SUBSCRIPTION_OVER_HTTP);
  return context.live;
}

/**
 * The live subscriptions (see schema/subscriptions.graphql and
 * src/live/watchSubjects.ts). Progress is read through the server's shared
 * reads (one store read per write for all the subscribers of a target, see
 * SharedReads); the connection's record loaders are emptied before each
 * message is resolved: what they held before a write is stale.
 */
export const subscriptionResolvers: SubscriptionResolvers = {
  targetProgress: {
    subscribe: async (_parent, { targets, plan }, context) => {
      const live = liveOf(context);
      const ids = await subjectsOf(context, TARGETS, targets, plan);
      return watchSubjects<{ targetProgress: TargetProgress }>(live.feed, ids, TARGETS.recordKind, async (some) => {
        const values = await live.targetProgress.load(some, today());
        context.loaders.records.forget();
        return values.map((p) => (p ? { targetProgress: p } : null));
      });
    },
  },
  taskProgress: {
    subscribe: async (_parent, { tasks, plan }, context) => {
      const live = liveOf(context);
      const ids = await subjectsOf(context, TASKS, tasks, plan);
      return watchSubjects<{ taskProgress: TaskProgress }>(live.feed, ids, TASKS.recordKind, async (some) => {
        const values = await live.taskProgress.load(some, today());
        context.loaders.records.forget();
        return values.map((p) => (p ? { taskProgress: p } : null));
      });
    },
  },
  changes: {
    subscribe: (_parent, { filter }, context) => watchChanges(liveOf(context).feed, auditQuery(filter)),
    // Each event is the change itself.
    resolve: (change: ChangeEntry) => change,
  },
};
