export { openNeo4jStore, type Neo4jStoreDependencies } from './openNeo4jStore';
export { Neo4jStore } from './Neo4jStore';
export { NEO4J_INTEGER_OPTIONS, NEO4J_OPTION_VARIABLES, neo4jOptionProblems, validateNeo4jStoreOptions, type Neo4jStoreOptions } from './Neo4jStoreOptions';
