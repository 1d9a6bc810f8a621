import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../../context';
import type { OperationAnalyser } from '../limits/OperationAnalyser';
import type { AdmissionQueue, Release } from './AdmissionQueue';
import { classifyOperation, type ClassifiedOperation, type OperationClass } from './classifyOperation';

/**
 * Apollo plugin of admission: once the operation is parsed, validated and
 * resolved (`didResolveOperation`, for every way it arrives: POST, GET, the
 * IDE, `_entities`), `classify` decides from the request's one analysis
 * (`analyser`, shared with the limits plugin: an operation it refuses never
 * queues); a heavy operation waits for a place in `queue` before it executes
 * (bounded by the request's deadline and its client), or is refused with
 * OVERLOADED (HTTP 503, `Retry-After`, see deadlinePlugin) when the queue is
 * full; a cheap one runs at once. A heavy operation's store calls then run
 * as bulk work (Context.setStorePriority). The place is freed when the response
 * is sent AND the request's store calls have settled, so work abandoned at the
 * deadline still counts until the store has let it go; a place granted after
 * the response went (another plugin refused the request meanwhile) is freed
 * at once.
 */
export function admissionPlugin(
  queue: AdmissionQueue,
  analyser: OperationAnalyser,
  classify: (operation: ClassifiedOperation) => OperationClass = classifyOperation,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let release: Release | undefined;
      let answered = false;
      return {
        async didResolveOperation(requestContext) {
          const analysis = analyser.analyse(requestContext);
          if (!analysis || classify(analysis) === 'cheap') return;
          const { contextValue } = requestContext;
          const { deadline } = contextValue;
          const granted = await queue.admit(deadline.signal, () => deadline.describe());
          if (answered) {
            granted();
            return;
          }
          release = granted;
          contextValue.setStorePriority('bulk');
        },
        async willSendResponse({ contextValue }) {
          answered = true;
          const held = release;
          release = undefined;
          if (held) void contextValue.storeIdle().then(held);
        },
      };
    },
  };
}
