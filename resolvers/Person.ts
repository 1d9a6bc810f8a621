import type { PersonResolvers } from './generated/types';
import { nodeFields } from './helpers/nodeFields';
import { related } from './helpers/related';

export const personResolvers: PersonResolvers = {
  ...nodeFields('Person'),
  signed: related('SIGNED_BY', 'IN'),
};
