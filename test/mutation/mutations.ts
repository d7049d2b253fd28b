import { ESDB_MUTATIONS } from './esdb-mutations';
import type { Mutation } from './mutation';
import { TIME_TRAVEL_MUTATIONS } from './time-travel-mutations';
import { WEAK_TEST_MUTATIONS } from './weak-test-mutations';

export interface MutationGroup {
  title: string;
  mutations: Mutation[];
}

/** Every planted bug, by the area whose tests must catch it (issue 14). */
export const MUTATION_GROUPS: MutationGroup[] = [
  { title: 'Time travel: the oracle suites and the auditor’s examples', mutations: TIME_TRAVEL_MUTATIONS },
  { title: 'EventStoreDB adapter and its gRPC double', mutations: ESDB_MUTATIONS },
  { title: 'The tests issue 14 found weaker than their names', mutations: WEAK_TEST_MUTATIONS },
];

export const ALL_MUTATIONS: Mutation[] = MUTATION_GROUPS.flatMap((g) => g.mutations);
