import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../../context';
import type { AdmissionQueue, Release } from './AdmissionQueue';
import { classifyOperation, type ClassifiedRequest, type OperationClass } from './classifyOperation';

/**
 * Apollo plugin of admission: once the operation is parsed, validated and
 * resolved (`didResolveOperation`, for every way it arrives: POST, GET, the
 * IDE, `_entities`), `classify` decides; a heavy operation waits for a place
 * in `queue` before it executes (bounded by the request's deadline and its
 * client), or is refused with OVERLOADED (HTTP 503, `Retry-After`, see
 * deadlinePlugin) when the queue is full; a cheap one runs at once. The place
 * is freed when the response is sent AND the request's store calls have
 * settled, so work abandoned at the deadline still counts until the store has
 * let it go.
 */
export function admissionPlugin(
  queue: AdmissionQueue,
  classify: (request: ClassifiedRequest) => OperationClass = classifyOperation,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let release: Release | undefined;
      return {
        async didResolveOperation({ operation, document, request, contextValue }) {
          if (!operation) return;
          const fragments: ClassifiedRequest['fragments'] = Object.fromEntries(
            document.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d]] : [])),
          );
          if (classify({ operation, fragments, ...(request.variables ? { variables: request.variables } : {}) }) === 'cheap') return;
          const { deadline } = contextValue;
          release = await queue.admit(deadline.signal, () => deadline.describe());
        },
        async willSendResponse({ contextValue }) {
          const held = release;
          release = undefined;
          if (held) void contextValue.storeIdle().then(held);
        },
      };
    },
  };
}
