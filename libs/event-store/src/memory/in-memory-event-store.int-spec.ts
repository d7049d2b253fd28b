import { eventStoreContract } from '@ledger/testing';
import { InMemoryEventStore } from './in-memory-event-store';

eventStoreContract({ name: 'in-memory', create: async () => new InMemoryEventStore() });
