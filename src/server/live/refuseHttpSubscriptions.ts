import type { ApolloServerPlugin } from '@apollo/server';
import { getOperationAST } from 'graphql';
import { ErrorCode, SUBSCRIPTION_OVER_HTTP } from '../../errors';

/**
 * Over HTTP, a subscription is refused for its transport first: BAD_REQUEST
 * (400) pointing to the WebSocket, whether or not the document is valid. A
 * valid one is refused by the operation analysis (OperationAnalyser, before
 * any resolver runs); this plugin replaces the validation errors of an
 * invalid one (e.g. `subscription { __typename }`) with that same refusal,
 * so clients see one answer for "wrong transport".
 */
export function refuseHttpSubscriptions<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      let subscription = false;
      return {
        async validationDidStart({ document, request }) {
          subscription = getOperationAST(document, request.operationName)?.operation === 'subscription';
        },
        async willSendResponse({ response }) {
          if (!subscription || response.body.kind !== 'single') return;
          const { errors } = response.body.singleResult;
          if (!errors?.some((error) => error.extensions?.code === 'GRAPHQL_VALIDATION_FAILED')) return;
          response.body.singleResult = { errors: [{ message: SUBSCRIPTION_OVER_HTTP, extensions: { code: ErrorCode.BAD_REQUEST } }] };
          response.http.status = 400;
        },
      };
    },
  };
}
